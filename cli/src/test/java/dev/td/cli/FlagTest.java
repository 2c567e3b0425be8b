package dev.td.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagTest {

    static Flag flag(String type, String... allowed) {
        return new Flag("some_field", Flag.optionFor("some_field"), false, type, List.of(allowed), "X");
    }

    @Test
    void snakeCasePropertyBecomesAKebabCaseFlag() {
        assertThat(Flag.optionFor("time_zone")).isEqualTo("--time-zone");
    }

    @Test
    void numberKeepsItsExactDecimalValue() {
        assertThat(flag("number").convert("81.40"))
                .isEqualTo(JsonNodeFactory.instance.numberNode(new BigDecimal("81.40")));
    }

    @Test
    void booleanAcceptsTrueAndFalseInAnyCase() {
        assertThat(flag("boolean").convert("TRUE").booleanValue()).isTrue();
        assertThat(flag("boolean").convert("false").booleanValue()).isFalse();
    }

    @Test
    void booleanRejectsOtherWordsNamingTheFlag() {
        assertThatThrownBy(() -> flag("boolean").convert("yes"))
                .isInstanceOf(UsageException.class)
                .hasMessage("--some-field expects true or false, got 'yes': for example --some-field X");
    }

    @Test
    void numberRejectsTextNamingTheFlag() {
        assertThatThrownBy(() -> flag("number").convert("heavy"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--some-field expects a number, got 'heavy'");
    }

    @Test
    void integerRejectsADecimal() {
        assertThatThrownBy(() -> flag("integer").convert("2.5"))
                .isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--some-field expects a whole number, got '2.5'");
    }

    @Test
    void stringStaysTextEvenWhenItLooksLikeANumber() {
        assertThat(flag("string").convert("007").isTextual()).isTrue();
    }
}
