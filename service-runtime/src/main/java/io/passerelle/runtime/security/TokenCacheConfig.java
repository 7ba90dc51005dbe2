package io.passerelle.runtime.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;

/** The cache of verified bearer tokens ({@code passerelle.security.token-cache.*}; README "Configuration"). */
@ConfigMapping(prefix = "passerelle.security.token-cache")
public interface TokenCacheConfig {

    /** Most tokens kept at once; 0 verifies every request's token in full. */
    @WithDefault("1000")
    @Min(0)
    long maxSize();

    /** Longest a verified token is trusted without a new check, however far its {@code exp}. */
    @WithDefault("5m")
    @DurationMin(nanos = 0)
    Duration maxAge();
}
