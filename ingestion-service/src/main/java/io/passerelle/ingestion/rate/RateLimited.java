package io.passerelle.ingestion.rate;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The class of limit a resource method counts against. Every PUT, POST and DELETE is limited; one
 * without this annotation counts as {@link LimitClass#WRITES}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {
    LimitClass value();
}
