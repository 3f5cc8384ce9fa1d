package org.latentexplorer.app;

import java.math.BigDecimal;
import javafx.util.StringConverter;

/**
 * Shows a number with the digits it has (0.475 as 0.475, 2.0 as 2), unlike the spinner's default two
 * decimals, which showed the paper's q = 0.475 as 0.47 and committed that on focus loss. Text that is not a
 * number gives null, which the spinner ignores (the last good value stays).
 */
final class PreciseDoubleConverter extends StringConverter<Double> {
    @Override
    public String toString(Double v) {
        if (v == null) {
            return "";
        }
        // round away binary noise from step arithmetic (0.1 + 0.2), keep every digit a person typed
        BigDecimal b = new BigDecimal(v).round(new java.math.MathContext(12)).stripTrailingZeros();
        return b.scale() < 0 ? b.setScale(0).toPlainString() : b.toPlainString();
    }

    @Override
    public Double fromString(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim().replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
