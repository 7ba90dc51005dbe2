package io.passerelle.runtime.config;

import io.quarkus.runtime.configuration.DurationConverter;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * What a service's start-up says of a configuration mapping given some values: the same check as Quarkus runs
 * (SmallRye Config's mapping, with Quarkus's converters, validated with Hibernate Validator), without starting the service.
 */
public final class SettingsValidation {
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory()
            .getValidator();

    private SettingsValidation() {
    }

    /**
     * The problems a production start-up would report for {@code mapping}, as "property message"; none when valid. The
     * settings are those start-up reads, lowest first: the mapping's defaults, the service's {@code application.properties}
     * on the class path (profile {@code prod}: {@code %test.} lines do not count), then {@code values}. Without an
     * expression language here, a message whose template holds an expression ({@code @DecimalMin}'s, {@code @DurationMin}'s)
     * keeps its raw template, which start-up fills in: match the property.
     */
    public static List<String> problems(Class<?> mapping, Map<String, String> values) {
        try {
            new SmallRyeConfigBuilder()
                    .withProfile("prod")
                    .addDefaultInterceptors()
                    .withMapping(mapping)
                    // Only this mapping is given: another mapping's keys under its prefix (the imports' under the service's) are not unknown.
                    .withValidateUnknown(false)
                    // Quarkus's own forms: "30s", "5m", "50M".
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withConverter(MemorySize.class, 200, new MemorySizeConverter())
                    .withSources(applicationProperties())
                    .withSources(new PropertiesConfigSource(values, "test values", 500))
                    .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                    .build();
            return List.of();
        } catch (ConfigValidationException e) {
            List<String> problems = new ArrayList<>();
            for (int i = 0; i < e.getProblemCount(); i++) {
                problems.add(e.getProblem(i).getMessage());
            }
            return problems;
        }
    }

    /** Each {@code application.properties} of the class path, at the ordinal Quarkus gives it. */
    private static List<ConfigSource> applicationProperties() {
        List<ConfigSource> sources = new ArrayList<>();
        try {
            Enumeration<URL> files = SettingsValidation.class.getClassLoader().getResources("application.properties");
            while (files.hasMoreElements()) {
                sources.add(new PropertiesConfigSource(files.nextElement(), 250));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sources;
    }
}
