package io.trunkguard.people.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import io.trunkguard.EmbeddedDefaultTest;
import io.trunkguard.people.AccountBindingRequest;
import io.trunkguard.people.AccountBindings;
import io.trunkguard.people.EmploymentType;
import io.trunkguard.people.Person;
import io.trunkguard.people.PersonDetails;
import io.trunkguard.people.PersonService;
import io.trunkguard.testsupport.Browser;
import io.trunkguard.testsupport.BrowserEvidenceOnFailure;

/**
 * Issue 13: a login account is bound to a person only with a second lead's approval. In a
 * real headless Chromium (the shared embedded-default context and the JVM's one browser):
 * a lead asks from the person's page to bind another login, tries to approve their own
 * request and is told why not in a sentence, and a second lead approves it.
 */
@EmbeddedDefaultTest
@ExtendWith(BrowserEvidenceOnFailure.class)
class AccountBindingsBrowserTest {

	private static final String SECOND_LEAD_PASSWORD = "second-lead-browser-pw-7";

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String secondLead = "second-lead-" + run;

	@LocalServerPort
	int port;

	@Autowired
	PersonService people;

	@Autowired
	AccountBindings bindings;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PasswordEncoder encoder;

	@AfterEach
	void removeSecondLead() {
		jdbc.update("delete from local_account where username = ?", secondLead);
	}

	@Test
	void aLeadAsksASecondLeadApprovesAndTheRequesterCannot() {
		jdbc.update(
				"insert into local_account (username, role, password_hash, created_at, password_changed_at) "
						+ "values (?, 'compliance-lead', ?, current_timestamp, current_timestamp)",
				secondLead, encoder.encode(SECOND_LEAD_PASSWORD));
		Person subject = people
			.register(
					new PersonDetails("HR-BIND-" + run, "Tara Binding " + run, "tara-" + run + "@example.test",
							"tara-" + run, null, "NOC", EmploymentType.EMPLOYEE, LocalDate.of(2022, 5, 2), null),
					"tester");
		String newLogin = "tara.renamed-" + run;

		WebDriver browser = logIn("compliance-lead", EmbeddedDefaultTest.COMPLIANCE_LEAD_PASSWORD);
		browser.get(app("/people/" + subject.getId()));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("binding-username")));
		WebElement login = browser.findElement(By.id("binding-username"));
		assertThat(login.getAttribute("value")).isEqualTo("tara-" + run);
		login.clear();
		login.sendKeys(newLogin);
		browser.findElement(By.id("binding-reason")).sendKeys("Renamed in the directory after a name change");
		browser.findElement(By.id("request-binding")).click();

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("binding-message")));
		assertThat(browser.getCurrentUrl()).isEqualTo(app("/people/account-bindings"));
		assertThat(browser.findElement(By.id("binding-message")).getText())
			.isEqualTo("Asked by compliance-lead: binding the login " + newLogin + " to Tara Binding " + run
					+ " (HR-BIND-" + run + ") instead of the login tara-" + run
					+ "; a second compliance lead or an admin must approve it.");
		AccountBindingRequest request = bindings.pending()
			.stream()
			.filter(r -> r.getPersonId().equals(subject.getId()))
			.findFirst()
			.orElseThrow();
		assertThat(request.getRequestedBy()).isEqualTo("compliance-lead");

		// the requester may not approve their own request: refused, said as a sentence
		browser.findElement(By.id("approve-" + request.getId())).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("binding-error")));
		String refusal = browser.findElement(By.id("binding-error")).getText();
		assertThat(refusal).matches("[A-Z].*\\.").contains("compliance-lead").doesNotContain("person.account-binding");
		assertThat(people.get(subject.getId()).getUsername()).isEqualTo("tara-" + run);
		assertThat(browser.findElements(By.id("approve-" + request.getId()))).hasSize(1);
		Browser.get().screenshot(Paths.get("target", "screenshots", "account-bindings-own-request.png"));

		browser = logIn(secondLead, SECOND_LEAD_PASSWORD);
		browser.get(app("/people/account-bindings"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-" + request.getId())));
		assertThat(browser.findElement(By.id("approve-" + request.getId())).getText())
			.isEqualTo("Approve " + newLogin + " for Tara Binding " + run);
		browser.findElement(By.id("approve-" + request.getId())).click();

		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("binding-message")));
		assertThat(browser.findElement(By.id("binding-message")).getText())
			.isEqualTo("Approved by " + secondLead + ": binding the login " + newLogin + " to Tara Binding " + run
					+ " (HR-BIND-" + run + ") (was the login tara-" + run + ", asked by compliance-lead).");
		assertThat(browser.findElements(By.id("approve-" + request.getId()))).isEmpty();
		assertThat(people.get(subject.getId()).getUsername()).isEqualTo(newLogin);
	}

	private WebDriver logIn(String username, String password) {
		WebDriver browser = Browser.get().freshSession();
		browser.get(app("/login"));
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("login-submit")).click();
		waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("home-title")));
		return browser;
	}

	private static WebDriverWait waitFor(WebDriver browser) {
		return new WebDriverWait(browser, Duration.ofSeconds(30));
	}

	private String app(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
