package io.trunkguard.deprovisioning.hr;

import io.trunkguard.web.RequestRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * The one place where the HR clients' requests are authenticated: for a
 * {@code @SignedBy(client) SignedBody} parameter it refuses, in this order, an HR input
 * without a configured secret (503), a body over the client's limit (413, audited) and a
 * missing, stale or wrong {@link WebhookSignature} (401, audited). Nothing of the body is
 * parsed before that.
 */
class SignedBodyResolver implements HandlerMethodArgumentResolver {

	private final HrInputProperties properties;

	private final HrRefusals refusals;

	private final Clock clock;

	SignedBodyResolver(HrInputProperties properties, HrRefusals refusals, Clock clock) {
		this.properties = properties;
		this.refusals = refusals;
		this.clock = clock;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.hasParameterAnnotation(SignedBy.class) && parameter.getParameterType() == SignedBody.class;
	}

	@Override
	public SignedBody resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HrClient client = parameter.getParameterAnnotation(SignedBy.class).value();
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		if (!properties.webhookEnabled()) {
			throw new RequestRefusedException(HttpStatus.SERVICE_UNAVAILABLE, "HR inputs not configured",
					"Set TRUNKGUARD_HR_WEBHOOK_SECRET to enable the HR webhook and roster import.");
		}
		long max = client.maxBytes(properties);
		byte[] body;
		try {
			body = BoundedBody.read(request, (int) max);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (body == null) {
			throw refusals.refuseUnsigned(client, request, "body larger than " + max + " bytes",
					HttpStatus.PAYLOAD_TOO_LARGE, "Body too large",
					"The " + client.sends + " must not be larger than " + max + " bytes.");
		}
		Optional<String> refusal = new WebhookSignature(properties.webhookSecret()).refusal(
				request.getHeader(WebhookSignature.TIMESTAMP_HEADER),
				request.getHeader(WebhookSignature.SIGNATURE_HEADER), body, clock.instant(), properties.maxAge());
		if (refusal.isPresent()) {
			throw refusals.refuseUnsigned(client, request, refusal.get(), HttpStatus.UNAUTHORIZED, "Unauthorized",
					"The request is not signed correctly: " + refusal.get() + ".");
		}
		return new SignedBody(body);
	}

}
