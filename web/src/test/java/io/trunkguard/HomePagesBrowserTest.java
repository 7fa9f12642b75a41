package io.trunkguard;

import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default in a real headless Chromium: each of the four roles logs in
 * through the login form and lands on its own home page; a wrong password is refused with
 * a message; logging out ends the session.
 *
 * <p>
 * Screenshots of the home pages are written to {@code target/screenshots/}; with
 * {@code -Dtrunkguard.update-screenshot=true} the compliance lead's also replaces
 * {@code docs/screenshot-home.png} (the README's picture).
 */
@SpringBootTest(classes = TrunkguardApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:home-pages-browser;DB_CLOSE_DELAY=-1",
				// As in the embedded default (the domain test-jar's
				// application.properties turns it off for tests).
				"trunkguard.demo.enabled=true",
				"TRUNKGUARD_PASSWORD_REVIEWER=" + HomePagesBrowserTest.PASSWORD_PREFIX + "reviewer",
				"TRUNKGUARD_PASSWORD_COMPLIANCE_LEAD=" + HomePagesBrowserTest.PASSWORD_PREFIX + "compliance-lead",
				"TRUNKGUARD_PASSWORD_AUDITOR=" + HomePagesBrowserTest.PASSWORD_PREFIX + "auditor",
				"TRUNKGUARD_PASSWORD_ADMIN=" + HomePagesBrowserTest.PASSWORD_PREFIX + "admin" })
@ExtendWith(BrowserEvidenceOnFailure.class)
class HomePagesBrowserTest {

	static final String PASSWORD_PREFIX = "browser-test-pw-";

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "reviewer", "compliance-lead", "auditor", "admin" })
	void eachRoleLogsInAndSeesItsHomePage(String role) throws IOException {
		WebDriver browser = logIn(role, PASSWORD_PREFIX + role);

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		assertThat(browser.getCurrentUrl()).isEqualTo(app("/"));
		assertThat(browser.findElement(By.tagName("body")).getAttribute("data-role")).isEqualTo(role);
		assertThat(browser.findElement(By.id("home-title")).getText()).isNotBlank();

		Path shot = Browser.get().screenshot(Paths.get("target", "screenshots", "home-" + role + ".png"));
		if ("compliance-lead".equals(role) && Boolean.getBoolean("trunkguard.update-screenshot")) {
			Path docs = Paths.get("..", "docs");
			Files.createDirectories(docs);
			Files.copy(shot, docs.resolve("screenshot-home.png"), StandardCopyOption.REPLACE_EXISTING);
		}
	}

	@Test
	void refusesAWrongPasswordWithAMessage() {
		WebDriver browser = logIn("auditor", "not-the-password");

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
		assertThat(browser.getCurrentUrl()).startsWith(app("/login"));
		assertThat(browser.findElements(By.id("home-title"))).isEmpty();
	}

	@Test
	void sendsAnonymousVisitorsToTheLoginPage() {
		WebDriver browser = Browser.get().freshSession();

		browser.get(app("/"));

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		assertThat(browser.getCurrentUrl()).startsWith(app("/login"));
	}

	@Test
	void logsOut() {
		WebDriver browser = logIn("reviewer", PASSWORD_PREFIX + "reviewer");
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));

		browser.findElement(By.id("logout")).click();

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("logout-message")));
		browser.get(app("/"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("login-submit")));
		assertThat(browser.getCurrentUrl()).startsWith(app("/login"));
		assertThat(browser.findElements(By.id("home-title"))).isEmpty();
	}

	private WebDriver logIn(String username, String password) {
		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		return browser;
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(20));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
