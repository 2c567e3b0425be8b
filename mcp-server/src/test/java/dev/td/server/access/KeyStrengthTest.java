package dev.td.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyStrengthTest {

    @Test
    void aOneCharacterKeyIsRefusedWithItsLengthAndTheMinimum() {
        assertThat(KeyStrength.weakness("x")).hasValue("it has 1 characters, fewer than 32");
    }

    @Test
    void aKeyLongerThanTwoHundredCharactersIsRefused() {
        String key = "3f0fec6e9143ebdef7ebbfe5d23133c23cb3865638f630489f1570390e1ae577".repeat(4) + "abcdefghi";
        assertThat(key).hasSize(265);
        assertThat(KeyStrength.weakness(key)).hasValue("it has 265 characters, more than 200");
    }

    @Test
    void thirtyTwoCopiesOfOneCharacterCarryNoBits() {
        assertThat(KeyStrength.estimatedBits("a".repeat(40))).isZero();
        assertThat(KeyStrength.weakness("a".repeat(40))).isPresent();
    }

    @Test
    void thirtyTwoDifferentCharactersEachOnceCarryFiveBitsEach() {
        // by hand: 32 characters, each with frequency 1/32, so -log2(1/32) = 5 bits per character; 32 x 5 = 160
        assertThat(KeyStrength.estimatedBits("abcdefghijklmnopqrstuvwxyz012345"))
                .isCloseTo(160.0, within());
        assertThat(KeyStrength.weakness("abcdefghijklmnopqrstuvwxyz012345")).isEmpty();
    }

    @Test
    void aRepeatedPatternCountsOnce() {
        // by hand: the pattern has 16 different characters (4 bits each) and is 16 long: 64 bits, not 128
        String twice = "abcdefghijklmnop".repeat(2);
        assertThat(KeyStrength.repeatedPatternLength(twice)).isEqualTo(16);
        assertThat(KeyStrength.estimatedBits(twice)).isCloseTo(64.0, within());
        assertThat(KeyStrength.weakness(twice))
                .hasValue(
                        "its characters carry an estimated 64 bits (too few different characters, or a repeated pattern)");
        // a pattern cut short at the end still counts: 'password1' three and a half times
        assertThat(KeyStrength.repeatedPatternLength("password1password1password1passw"))
                .isEqualTo(9);
    }

    @Test
    void aKeyWhoseFirstAndLastCharactersMatchIsNotARepetition() {
        assertThat(KeyStrength.repeatedPatternLength("x0123456789abcdefghijklmnopqrstuvx"))
                .isEqualTo(34);
    }

    @Test
    void theOutputOfOpensslRandHex32AndBase64Passes() {
        // openssl rand -hex 32 and openssl rand -base64 32, run once
        assertThat(KeyStrength.weakness("3f0fec6e9143ebdef7ebbfe5d23133c23cb3865638f630489f1570390e1ae577"))
                .isEmpty();
        assertThat(KeyStrength.weakness("9yHi/bPk7DlXJgHyrnsgIyia0ncx8+FY0lFkv8dNY/k="))
                .isEmpty();
    }

    @Test
    void sixteenRandomBytesInHexAreRefusedBecauseTheEstimateIsConservative() {
        // openssl rand -hex 16: exactly 128 random bits, but 32 hex digits cannot show it (at most 4 bits each)
        assertThat(KeyStrength.weakness("1132d31fbb84a2a5a48664f6529157ed")).isPresent();
    }

    @Test
    void spacesControlCharactersAndNonAsciiAreRefusedByPositionWithoutRepeatingTheKey() {
        String base = "3f0fec6e9143ebdef7ebbfe5d23133c2";
        assertThat(KeyStrength.weakness(base + " x")).hasValue("character 33 is a space");
        assertThat(KeyStrength.weakness(base + "\0")).hasValue("character 33 is not printable ASCII");
        assertThat(KeyStrength.weakness(base + "\u00e9")).hasValue("character 33 is not printable ASCII");
        assertThat(KeyStrength.weakness("\t" + base)).hasValue("character 1 is not printable ASCII");
    }

    @Test
    void theRuleNamesTheMinimumsAndHowToGenerateAKey() {
        assertThat(KeyStrength.RULE).contains("at least 32", "128 bits", "openssl rand -hex 32");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-9);
    }
}
