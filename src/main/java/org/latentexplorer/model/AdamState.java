package org.latentexplorer.model;

import java.util.Map;

/**
 * Adam's moment estimates and step count, saved in checkpoints so that training resumes exactly.
 *
 * @param step the number of updates applied so far
 * @param m    first moments by parameter name
 * @param v    second moments by parameter name
 */
public record AdamState(long step, Map<String, float[]> m, Map<String, float[]> v) {
}
