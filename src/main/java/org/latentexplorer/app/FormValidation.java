package org.latentexplorer.app;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.controlsfx.validation.ValidationMessage;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.ValidationDecoration;

/**
 * Marks every invalid field of a form at once, each with its message right under it (ControlsFX's
 * {@link ValidationSupport} runs the checks; the marks are a style class and a label, so no decoration layer is
 * put over the window).
 */
final class FormValidation {
    /** The style class of a field with a bad value (and of its message). */
    static final String INVALID = "invalid";
    private final ValidationSupport support = new ValidationSupport();
    private final Map<Control, Label> messages = new HashMap<>();

    FormValidation() {
        support.setValidationDecorator(new Marks());
    }

    /**
     * Checks {@code field} with {@code problem} (null when its value is good, else what is wrong in the form's words)
     * and returns {@code row} (the field, or the row it sits in) above the place where the message appears.
     */
    Node check(Node row, Control field, Supplier<String> problem) {
        Label message = new Label();
        message.setId(field.getId() == null ? null : field.getId() + "-message");
        message.getStyleClass().add("field-message");
        message.setWrapText(true);
        message.setVisible(false);
        message.managedProperty().bind(message.visibleProperty());
        messages.put(field, message);
        support.registerValidator(field, false, (Control c, Object value) -> {
            String p = problem.get();
            return ValidationResult.fromErrorIf(c, p == null ? "" : p, p != null);
        });
        return new VBox(2, row, message);
    }

    /** Checks every field again (after a change that the fields' own values do not show, e.g. in another field). */
    void revalidate() {
        support.revalidate();
    }

    /** Whether some field holds a bad value. */
    ReadOnlyBooleanProperty invalidProperty() {
        return support.invalidProperty();
    }

    /** A red outline on the field and its message under it. */
    private final class Marks implements ValidationDecoration {
        @Override
        public void removeDecorations(Control target) {
            target.getStyleClass().remove(INVALID);
            Label m = messages.get(target);
            if (m != null) {
                m.setText("");
                m.setVisible(false);
            }
        }

        @Override
        public void applyValidationDecoration(ValidationMessage message) {
            Control target = message.getTarget();
            if (!target.getStyleClass().contains(INVALID)) {
                target.getStyleClass().add(INVALID);
            }
            Label m = messages.get(target);
            if (m != null) {
                m.setText(message.getText());
                m.setVisible(true);
            }
        }

        @Override
        public void applyRequiredDecoration(Control target) {
            // no field is marked as required: an empty one is checked like any other value
        }
    }
}
