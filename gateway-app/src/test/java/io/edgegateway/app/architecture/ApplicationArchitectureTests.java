package io.edgegateway.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The application's dependency rules (docs/architecture.md): it composes the filters
 * module through its API and never assembles the token service's parts itself.
 */
class ApplicationArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.edgegateway.app");

	@Test
	void applicationImportsNothingFromTheTokenPackage() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("io.edgegateway.filters.token..")
			.because("every token service is built by the filters module's TokenServiceFactory")
			.check(MAIN);
	}

	@Test
	void applicationPackagesHaveNoCycles() {
		slices().matching("io.edgegateway.app.(*)..").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void subpackagesNeverDependOnTheApplicationClass() {
		noClasses().that()
			.resideInAPackage("io.edgegateway.app..")
			.and()
			.resideOutsideOfPackage("io.edgegateway.app")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("io.edgegateway.app.EdgeGatewayApplication")
			.check(MAIN);
	}

}
