package org.latentexplorer.app;

import javafx.beans.Observable;

/** Runs an action whenever any of the observables changes. */
final class InvalidationRevalidate {
    private InvalidationRevalidate() {
    }

    static void on(Runnable action, Observable... observables) {
        for (Observable o : observables) {
            o.addListener(x -> action.run());
        }
    }
}
