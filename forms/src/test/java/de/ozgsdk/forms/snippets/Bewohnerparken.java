package de.ozgsdk.forms.snippets;

import de.ozgsdk.forms.SharedFixtures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the forms snippets take for granted: the real Bewohnerparkausweis schema S05000058 of
 * {@code shared/fixtures/fim} (read in place) and a complete, valid post of its form as a servlet's
 * {@code getParameterMap()} gives it.
 */
final class Bewohnerparken {

    static final String SCHEMA = "xdf2/S05000058V1.0_xdf2.xml";
    static final String APPLICANT = "G05000496";
    static final String VEHICLE = "G05000477";
    /** "01" the vehicle is registered to the applicant, "02" to another holder. */
    static final String HOLDER_ANSWER = "F05001047";
    /** Holder group, required by FIM rule R05000281 when the answer is "02". */
    static final String HOLDER = "G05000499";

    private Bewohnerparken() {
    }

    /** A servlet request holding a complete post of the Bewohnerparkausweis form. */
    static Request validPost() {
        Map<String, String[]> parameters = new LinkedHashMap<>();
        parameters.put("F00-4cb0dd14-629c-4661-9435-4e9eadc43e07", new String[] {"01"});
        parameters.put("F05001344", new String[] {"01"});
        parameters.put("G05000496[0].F05000059", new String[] {"Mustermann"});
        parameters.put("G05000496[0].F05000060", new String[] {"Erika"});
        parameters.put("G05000496[0].F05000351", new String[] {"12.08.1964"});
        parameters.put("G05000496[0].F05001354", new String[] {"erika.mustermann@example.de"});
        parameters.put("G05000496[0].G05000428[0].F00000053", new String[] {"Heidestraße"});
        parameters.put("G05000496[0].G05000428[0].F00000016", new String[] {"17"});
        parameters.put("G05000496[0].G00000113[0].F00000054", new String[] {"51147"});
        parameters.put("G05000496[0].G00000113[0].F00000035", new String[] {"Köln"});
        parameters.put("G05000496[0].F05000523", new String[] {"000"});
        parameters.put("G05000493[0].F05001064", new String[] {"1"});
        parameters.put("G05000493[0].F05001347", new String[] {"01"});
        parameters.put("G05000477[0].F05000627", new String[] {"K-OZ 2026"});
        parameters.put("G05000477[0].F05001062", new String[] {"4711"});
        parameters.put("G05000477[0].F05001047", new String[] {"01"});
        parameters.put("_csrf", new String[] {"c3RhdGU"});
        return new Request(parameters);
    }

    /** The part of a servlet request the samples use. */
    record Request(Map<String, String[]> getParameterMap) {

        /** This post with one more parameter, e.g. a repeat button. */
        Request with(String name, String value) {
            Map<String, String[]> more = new LinkedHashMap<>(getParameterMap);
            more.put(name, new String[] {value});
            return new Request(more);
        }
    }
}
