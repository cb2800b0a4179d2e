package io.edgegateway.filters.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The dependency rules of the filters module (docs/architecture.md).
 */
class ModuleArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.edgegateway.filters");

	/**
	 * Filter factories and their arguments ({@code CredentialConfig}) face the gateway;
	 * the strategies behind them do not.
	 */
	@Test
	void strategiesAndTokenCodeDoNotDependOnTheGatewayOrTheExchange() {
		noClasses().that()
			.resideInAnyPackage("..filters.token..", "..filters.credential..")
			.and()
			.haveNameNotMatching(".*GatewayFilterFactory(\\$.*)?")
			.and()
			.areNotAssignableTo(io.edgegateway.filters.credential.CredentialConfig.class)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.cloud.gateway..", "org.springframework.web.server..")
			.allowEmptyShould(true)
			.check(MAIN);
	}

	@Test
	void onlyGatewayFilterFactoriesImplementGatewayFilters() {
		classes().that()
			.implement(org.springframework.cloud.gateway.filter.GatewayFilter.class)
			.should()
			.haveNameMatching(".*GatewayFilterFactory(\\$.*)?")
			.allowEmptyShould(true)
			.check(MAIN);
	}

	@Test
	void configIsALeafThatOnlyWires() {
		noClasses().that()
			.resideOutsideOfPackage("..filters.config..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..filters.config..")
			.check(MAIN);
	}

	@Test
	void filtersNeverDependOnTheApplication() {
		noClasses().should().dependOnClassesThat().resideInAPackage("io.edgegateway.app..").check(MAIN);
	}

	@Test
	void testClassesLiveOnlyUnderSrcTest() {
		noClasses().should().haveSimpleNameEndingWith("Tests").check(MAIN);
	}

}
