package com.rvssl.kit.validation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * An ISO 4217 currency code the JDK knows (such as {@code USD}); {@code null} is valid,
 * so combine with {@code @NotNull} where the currency is required. Three capital letters
 * are not enough: {@code ZZZ} would pass and then fail in every email and price.
 */
@Documented
@Constraint(validatedBy = IsoCurrencyValidator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoCurrency {

	String message() default "must be an ISO 4217 currency code such as USD";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
