package io.trunkguard.deprovisioning.hr;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler's {@link SignedBody} parameter: the body is read up to the client's
 * limit and its webhook signature checked by {@link SignedBodyResolver} before the
 * handler runs.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface SignedBy {

	HrClient value();

}
