package org.latentexplorer.data;

/** Which part of a data set: MNIST and Fashion-MNIST have both; dSprites and folders only one, used for both. */
public enum Split {
    TRAIN,
    TEST
}
