package org.despin.lm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class JsonFieldTest {
    @Test
    void extractsATopLevelStringField() {
        assertEquals("hello", JsonField.extract("{\"text\":\"hello\"}", "text"));
        assertEquals("a \"q\" \\ / \n \u00e9 \ud83d\ude00", JsonField.extract(
                "{ \"n\": -1.5e3, \"x\": [1, {\"text\": \"nested\"}, \"]\"], \"text\" : \"a \\\"q\\\" \\\\ \\/ \\n \\u00e9 \\ud83d\\ude00\", \"b\": true }",
                "text"));
        assertNull(JsonField.extract("{\"title\": \"x\", \"text\": 5}", "text"));
        assertNull(JsonField.extract("{}", "text"));
        assertNull(JsonField.extract("{\"meta\": {\"text\": \"inner\"}}", "text"));
    }

    @Test
    void rejectsWhatIsNotAJsonObject() {
        assertThrows(IllegalArgumentException.class, () -> JsonField.extract("plain text", "text"));
        assertThrows(IllegalArgumentException.class, () -> JsonField.extract("{\"text\": \"open", "text"));
        assertThrows(IllegalArgumentException.class, () -> JsonField.extract("{\"text\": \"a\"} trailing", "text"));
        assertThrows(IllegalArgumentException.class, () -> JsonField.extract("[1, 2]", "text"));
    }
}
