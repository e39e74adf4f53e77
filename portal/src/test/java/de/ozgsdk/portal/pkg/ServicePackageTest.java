package de.ozgsdk.portal.pkg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.ozgsdk.auth.PersonAttribute;
import de.ozgsdk.core.LocalizedText;
import de.ozgsdk.core.Money;
import de.ozgsdk.core.TrustLevel;
import de.ozgsdk.forms.data.FormData;
import de.ozgsdk.portal.PortalApi;
import de.ozgsdk.portal.PortalError;
import de.ozgsdk.portal.service.ChannelKind;
import de.ozgsdk.portal.service.FeeRule;
import de.ozgsdk.portal.service.OnlineService;
import de.ozgsdk.portal.service.PrefillRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServicePackageTest {

    @TempDir
    Path tmp;

    @Test
    void loadsTheCompleteExamplePackageFromADirectory() {
        ServicePackage pkg = ServicePackage.load(TestPackages.example());
        OnlineService service = pkg.service();

        assertThat(service).hasToString("anwohnerparkausweis 1.0.0");
        assertThat(service.leikaKeys()).extracting(k -> k.value()).containsExactly("99050012104000");
        assertThat(service.title().get(Locale.ENGLISH)).isEqualTo("Apply for a residents' parking permit");
        assertThat(service.description()).isPresent();
        assertThat(service.languages()).containsExactly(Locale.GERMAN, Locale.ENGLISH);
        assertThat(service.steps().size()).isEqualTo(2);
        assertThat(service.trustLevel()).contains(TrustLevel.SUBSTANTIAL);
        assertThat(service.fee()).get().isInstanceOf(FeeRule.PerInstance.class);
        assertThat(service.backOffice().channels()).containsExactlyInAnyOrder(ChannelKind.FIT_CONNECT,
                ChannelKind.HTTPS);
        assertThat(service.prefill()).hasSize(6).first().isEqualTo(new PrefillRule(
                de.ozgsdk.forms.data.DataPath.parse("G99100000001.F99100000001"), PersonAttribute.GIVEN_NAME, false));
        assertThat(service.minApiLevel()).isEqualTo(1);
        assertThat(service.notifications().postboxText().get(Locale.ENGLISH))
                .startsWith("Your application for a residents' parking permit reached {municipality}");
        assertThat(service.notifications().postboxSubject()).isEqualTo(LocalizedText.builder(
                "Ihr Anwohnerparkausweis").put(Locale.ENGLISH, "Your residents' parking permit").build());
        assertThat(pkg.files()).extracting(PackageFile::path).containsExactly("codelists/fahrzeugart.gc",
                "form/parkausweis-xdf3.xml", "form/parkausweis.rules.json", "form/translations.json", "service.json",
                "templates/postbox-text.de.txt", "templates/postbox-text.en.txt");
        assertThat(pkg.digest()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void theCodeListsRulesAndFeeOfThePackageWorkOnTheForm() {
        OnlineService service = ServicePackage.load(TestPackages.example()).service();
        FormData data = FormData.builder()
                .group("G99100000001", FormData.builder().value("F99100000001", "Erika")
                        .value("F99100000002", "Mustermann").value("F99100000003", "2999-01-01").build())
                .group("G99100000002", FormData.builder().value("F99100000004", "Domkloster 4")
                        .value("F99100000005", "50667").value("F99100000006", "Köln").build())
                .group("G99100000003", FormData.builder().value("F99100000007", "K-AB 123")
                        .value("F99100000008", "lkw").build())
                .group("G99100000003", FormData.builder().value("F99100000007", "K-CD 4")
                        .value("F99100000008", "krad").build())
                .build();

        assertThat(service.form().codeLists()).isPresent();
        assertThat(service.form().validate(data).violations()).extracting(v -> v.path().toString())
                .as("lkw is not in the package's code list; the birth date breaks the package's rule")
                .contains("G99100000003[0].F99100000008", "G99100000001[0].F99100000003");
        assertThat(service.fee().orElseThrow().amount(data)).isEqualTo(Money.parse("61.20"));
    }

    @Test
    void packsADirectoryIntoAnOzgFileThatLoadsToTheSameService() throws IOException {
        Path zip = ServicePackage.pack(TestPackages.example(), tmp.resolve("out"));
        ServicePackage fromZip = ServicePackage.load(zip);
        ServicePackage fromDirectory = ServicePackage.load(TestPackages.example());

        assertThat(zip.getFileName()).hasToString("anwohnerparkausweis-1.0.0.ozg");
        assertThat(fromZip.digest()).isEqualTo(fromDirectory.digest());
        assertThat(fromZip.files()).isEqualTo(fromDirectory.files());
        assertThat(fromZip.service().steps().size()).isEqualTo(2);
        byte[] first = Files.readAllBytes(zip);
        assertThat(Files.readAllBytes(ServicePackage.pack(TestPackages.example(), tmp.resolve("again"))))
                .as("packing is reproducible").isEqualTo(first);
        assertThat(tmp.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void aChangedFileChangesTheDigest() {
        Path copy = TestPackages.copy(tmp.resolve("copy"));
        String before = ServicePackage.load(copy).digest();
        TestPackages.edit(copy, "templates/postbox-text.en.txt", "receipt", "confirmation");

        assertThat(ServicePackage.load(copy).digest()).isNotEqualTo(before)
                .isNotEqualTo(ServicePackage.load(TestPackages.example()).digest() + "x");
    }

    @Test
    void reportsEveryProblemOfAPackageAtOnceWithFileAndPosition() {
        Path pkg = TestPackages.copy(tmp.resolve("broken"));
        TestPackages.edit(pkg, "service.json", "\"trustLevel\": \"SUBSTANTIAL\"", "\"trustLevl\": \"SUBSTANTIAL\"");
        TestPackages.edit(pkg, "service.json", "\"each\": \"30.60\"", "\"each\": \"30,60\"");
        TestPackages.edit(pkg, "service.json", "\"minApiLevel\": 1", "\"minApiLevel\": 99");
        TestPackages.edit(pkg, "service.json", "\"elements\": [\"G99100000003\"]", "\"elements\": [\"G99100000002\"]");
        TestPackages.edit(pkg, "service.json", "G99100000002.F99100000006", "G99100000002.F99100000009");
        TestPackages.edit(pkg, "service.json", "form/translations.json", "form/translation.json");
        TestPackages.edit(pkg, "service.json", "templates/postbox-text.en.txt", "templates/postbox.en.txt");
        TestPackages.edit(pkg, "form/parkausweis-xdf3.xml", "codeliste:fahrzeugart", "codeliste:fahrzeugtyp");

        ServicePackageException e = catchPackage(pkg);

        List<PackageProblem> problems = e.problems();
        assertThat(problems).extracting(p -> p.code().code() + " " + p.location()).containsExactlyInAnyOrder(
                "OZG-PORTAL-116 service.json:19:16 (/trustLevl)",
                "OZG-PORTAL-116 service.json:20:83 (/fee/each)",
                "OZG-PORTAL-119 service.json:4:18 (/minApiLevel)",
                "OZG-PORTAL-117 service.json:13:21 (/form/translations)",
                "OZG-PORTAL-117 service.json:24:85 (/notifications/postboxText/en/file)",
                "OZG-PORTAL-121 form/parkausweis-xdf3.xml:176:13",
                "OZG-PORTAL-101 service.json:15:12 (/steps)",
                "OZG-PORTAL-102 service.json:32:5 (/prefill/5)");
        assertThat(e.code()).isEqualTo(PortalError.PACKAGE_INVALID);
        assertThat(e.userMessage(Locale.GERMAN)).contains("8 Problem(e)").contains("trustLevl")
                .contains("form/translation.json").contains("urn:de:ozgsdk:test:codeliste:fahrzeugtyp");
        assertThat(e.userMessage(Locale.ENGLISH)).contains("unknown property \"trustLevl\"")
                .contains("the value \"30,60\" does not have the required form (an amount in euros with two decimals"
                        + " and a point, e.g. 30.60)")
                .contains("G99100000002.F99100000009");
    }

    @Test
    void aMalformedFimFileIsReportedWithFileLineAndColumnBesideTheDescriptorsProblems() {
        Path pkg = TestPackages.copy(tmp.resolve("broken-fim"));
        TestPackages.edit(pkg, "form/parkausweis-xdf3.xml", "<xdf:name>Familienname</xdf:name>",
                "<xdf:name>Familienname</xdf:nam>");
        TestPackages.edit(pkg, "service.json", "\"HTTPS\"", "\"HTTP\"");

        List<PackageProblem> problems = catchPackage(pkg).problems();

        assertThat(problems).extracting(p -> p.code().code() + " " + p.location()).containsExactlyInAnyOrder(
                "OZG-FIM-101 form/parkausweis-xdf3.xml:51:37",
                "OZG-PORTAL-116 service.json:21:88 (/backOffice/channels/1)");
    }

    @Test
    void xmlFilesOfAPackageNeverResolveExternalEntities() throws IOException {
        Path pkg = TestPackages.copy(tmp.resolve("xxe"));
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "geheim");
        String doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"" + secret.toUri() + "\">]>\n";
        TestPackages.edit(pkg, "form/parkausweis-xdf3.xml", "<xdf:xdatenfelder.stammdatenschema.0102",
                doctype + "<xdf:xdatenfelder.stammdatenschema.0102");
        TestPackages.edit(pkg, "form/parkausweis-xdf3.xml", "<xdf:name>Vorname</xdf:name>", "<xdf:name>&e;</xdf:name>");
        TestPackages.edit(pkg, "codelists/fahrzeugart.gc", "<CodeList ", doctype + "<CodeList ");
        TestPackages.edit(pkg, "codelists/fahrzeugart.gc", "<LongName>Fahrzeugart (Test)</LongName>",
                "<LongName>&e;</LongName>");

        ServicePackageException e = catchPackage(pkg);

        assertThat(e.problems()).extracting(PackageProblem::file)
                .contains("form/parkausweis-xdf3.xml", "codelists/fahrzeugart.gc");
        assertThat(e.problems()).filteredOn(p -> p.file().equals("form/parkausweis-xdf3.xml")).singleElement()
                .satisfies(p -> assertThat(p.code().code()).isEqualTo("OZG-FIM-102"));
        assertThat(e.userMessage(Locale.ENGLISH)).doesNotContain("geheim");
    }

    @Test
    void malformedJsonIsReportedWithLineAndColumn() {
        Path pkg = TestPackages.copy(tmp.resolve("bad-json"));
        TestPackages.edit(pkg, "service.json", "\"minApiLevel\": 1,", "\"minApiLevel\": 1,,");

        PackageProblem problem = catchPackage(pkg).problems().get(0);

        assertThat(problem.code()).isEqualTo(PortalError.DESCRIPTOR_MALFORMED);
        assertThat(problem.location()).isEqualTo("service.json:4:20");
    }

    @Test
    void aPackageNeedingAHigherApiLevelIsRefused() {
        Path pkg = TestPackages.copy(tmp.resolve("future"));
        TestPackages.edit(pkg, "service.json", "\"minApiLevel\": 1", "\"minApiLevel\": " + (PortalApi.LEVEL + 1));

        ServicePackageException e = catchPackage(pkg);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.code()).isEqualTo(PortalError.PACKAGE_API_LEVEL_TOO_HIGH);
            assertThat(p.message(Locale.ENGLISH)).contains("API level " + (PortalApi.LEVEL + 1))
                    .contains("offers level " + PortalApi.LEVEL);
        });
    }

    @Test
    void aPackageWithoutDescriptorIsRefused() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertThat(catchPackage(empty).problems()).extracting(PackageProblem::code)
                .containsExactly(PortalError.DESCRIPTOR_MISSING);
    }

    static ServicePackageException catchPackage(Path pkg) {
        return catchPackage(pkg, PackageLimits.DEFAULT);
    }

    static ServicePackageException catchPackage(Path pkg, PackageLimits limits) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> ServicePackage.load(pkg, limits));
        assertThat(thrown).isInstanceOf(ServicePackageException.class);
        return (ServicePackageException) thrown;
    }
}
