package de.ozgsdk.forms.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;

class JsonStyleTest {

    @Test
    void writesKeyColonValueTwoSpaceIndentsAndEmptyContainersWithoutBlank() throws Exception {
        String json = JsonStyle.write(new ObjectMapper().readTree(
                "{\"b\":[1,{\"x\":true}],\"a\":[],\"c\":{},\"d\":{\"e\":null}}"));

        assertThat(json).isEqualTo("""
                {
                  "b": [
                    1,
                    {
                      "x": true
                    }
                  ],
                  "a": [],
                  "c": {},
                  "d": {
                    "e": null
                  }
                }""");
    }
}
