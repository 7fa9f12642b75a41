package io.trunkguard.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class UploadSizeLimitTest {

	private final UploadSizeLimit filter = filter();

	private static UploadSizeLimit filter() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		MultipartProperties multipart = new MultipartProperties();
		multipart.setMaxRequestSize(DataSize.ofMegabytes(1));
		beans.registerSingleton("multipart", multipart);
		beans.registerSingleton("roster", LimitedUpload.of("^/deprovisioning/roster$", "/deprovisioning/roster"));
		beans.registerSingleton("proofs",
				LimitedUpload.of("^/reviews/remediations/[^/]+/confirm$", "/reviews/remediations"));
		return new UploadSizeLimit(beans.getBeanProvider(MultipartProperties.class),
				beans.getBeanProvider(LimitedUpload.class));
	}

	private MockHttpServletResponse send(String method, String path, long length) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest(method, "/app" + path);
		request.setContextPath("/app");
		request.setContent(new byte[(int) length]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		if (chain.getRequest() != null) {
			response.setHeader("X-Passed", "yes");
		}
		return response;
	}

	@Test
	void sendsAnUploadOverTheLimitBackToItsPageWithTheReason() throws Exception {
		MockHttpServletResponse roster = send("POST", "/deprovisioning/roster", 1024 * 1024 + 1);
		assertThat(roster.getRedirectedUrl()).isEqualTo("/app/deprovisioning/roster?refused=too-large");
		assertThat(roster.getHeader("Connection")).isEqualTo("close");
		assertThat(send("POST", "/reviews/remediations/42/confirm", 2 * 1024 * 1024).getRedirectedUrl())
			.isEqualTo("/app/reviews/remediations?refused=too-large");
	}

	@Test
	void letsUploadsWithinTheLimitOtherPathsAndReadsThrough() throws Exception {
		assertThat(send("POST", "/deprovisioning/roster", 1024 * 1024).getHeader("X-Passed")).isEqualTo("yes");
		assertThat(send("POST", "/people", 2 * 1024 * 1024).getHeader("X-Passed")).isEqualTo("yes");
		assertThat(send("PUT", "/deprovisioning/roster", 2 * 1024 * 1024).getHeader("X-Passed")).isEqualTo("yes");
		assertThat(send("POST", "/deprovisioning/roster/x", 2 * 1024 * 1024).getHeader("X-Passed")).isEqualTo("yes");
	}

}
