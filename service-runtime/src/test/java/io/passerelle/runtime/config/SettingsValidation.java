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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
     * The problems start-up would report for {@code mapping} with these values besides its defaults, as "property message";
     * none when valid. Without an expression language here, a message whose template holds an expression
     * ({@code @DecimalMin}'s, {@code @DurationMin}'s) keeps its raw template, which start-up fills in: match the property.
     */
    public static List<String> problems(Class<?> mapping, Map<String, String> values) {
        try {
            new SmallRyeConfigBuilder()
                    .withMapping(mapping)
                    // Quarkus's own forms: "30s", "5m", "50M".
                    .withConverter(Duration.class, 200, new DurationConverter())
                    .withConverter(MemorySize.class, 200, new MemorySizeConverter())
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
}
