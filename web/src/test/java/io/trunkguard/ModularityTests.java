package io.trunkguard;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The architecture as tests: Spring Modulith's module rules (no cycles, no reaching into
 * another module's internals) with the module diagrams written to
 * {@code target/spring-modulith-docs}, and the ArchUnit rules Modulith cannot see.
 */
class ModularityTests {

	/**
	 * The analyzer is a plain library in a Maven module of its own (no Spring), not a
	 * business module: its public API spans {@code analyzer} (the entry point and
	 * options), {@code analyzer.report} (the report it returns) and
	 * {@code analyzer.rules.Finding}, which Modulith would take for internals. Its
	 * boundary is the Maven module (only integrations depends on it) and the ArchUnit
	 * rule on pcap4j below.
	 */
	private static final ApplicationModules MODULES = ApplicationModules.of(TrunkguardApplication.class,
			JavaClass.Predicates.resideInAPackage("io.trunkguard.analyzer.."));

	private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.trunkguard");

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void writesTheModuleDocumentation() {
		new Documenter(MODULES).writeDocumentation();
	}

	@Test
	void webAdaptersNeverTouchTheProcessEngine() {
		noClasses().that()
			.resideInAPackage("io.trunkguard.*.web..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.camunda..")
			.because("pages and REST controllers go through domain services; only workflows know the engine")
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void delegatesLiveOnlyInWorkflowPackages() {
		classes().that()
			.implement("org.camunda.bpm.engine.delegate.JavaDelegate")
			.should()
			.resideInAPackage("..workflow..")
			.allowEmptyShould(true)
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void spreadsheetsAndPdfsAreMadeOnlyInReports() {
		noClasses().that()
			.resideOutsideOfPackage("..reports..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.poi..", "com.lowagie..")
			.check(PRODUCTION_CLASSES);
	}

	/**
	 * CWE-1236: text reaches a spreadsheet cell only through the one neutraliser, so a
	 * person named {@code =HYPERLINK(...)} is inert in every export.
	 */
	@Test
	void spreadsheetTextIsWrittenOnlyThroughTheNeutraliser() {
		noClasses().that()
			.doNotHaveFullyQualifiedName("io.trunkguard.reports.SpreadsheetText")
			.should()
			.callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("a cell's text set directly",
					call -> call.getName().equals("setCellValue") && call.getTarget().getRawParameterTypes().size() == 1
							&& (call.getTarget().getRawParameterTypes().get(0).isEquivalentTo(String.class)
									|| call.getTarget()
										.getRawParameterTypes()
										.get(0)
										.getName()
										.equals("org.apache.poi.ss.usermodel.RichTextString"))))
			.because("SpreadsheetText.write neutralises formula-like text (CWE-1236)")
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void packetCapturesAreReadOnlyInTheAnalyzer() {
		noClasses().that()
			.resideOutsideOfPackage("io.trunkguard.analyzer..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.pcap4j..")
			.check(PRODUCTION_CLASSES);
	}

}
