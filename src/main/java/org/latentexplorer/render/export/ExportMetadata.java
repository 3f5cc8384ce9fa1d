package org.latentexplorer.render.export;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentexplorer.common.BuildInfo;
import org.latentexplorer.common.Environment;
import org.latentexplorer.render.traversal.GridImage;

/**
 * The provenance every exported file carries, as key–value text: the software (version and git commit), the settings
 * that made the file, the model's identity (file SHA-256, manifest, data-set identity; absent for files that show no
 * model) and the environment (backend and native build, Java, OS). PNGs keep it in text chunks ({@link PngExport}),
 * GIFs in a comment extension ({@link GifExport}), SVGs in an XML comment and CSVs in leading {@code #} lines.
 */
public final class ExportMetadata {
    /** Key of the environment ({@link Environment#describe()}). */
    public static final String ENVIRONMENT = "latent-explorer:environment";
    /** Key of a traversal grid's column values ({@link #withColumnValues}). */
    public static final String COLUMN_VALUES = "latent-explorer:column-values";

    private ExportMetadata() {
    }

    /**
     * The metadata of one export.
     *
     * @param settings    how the file was made (command and options)
     * @param model       the model's identity (e.g. {@code model.ModelIdentity}), or null when the file shows no model
     * @param environment the environment that made the file
     */
    public static Map<String, String> of(String settings, String model, Environment environment) {
        Map<String, String> text = new LinkedHashMap<>();
        text.put(PngExport.SOFTWARE, BuildInfo.software());
        text.put(PngExport.SETTINGS, settings);
        if (model != null) {
            text.put(PngExport.MODEL, model);
        }
        text.put(ENVIRONMENT, environment.describe());
        return text;
    }

    /**
     * {@code text} with a traversal grid's column values added under {@link #COLUMN_VALUES}:
     * {@code "z0: 1.959964 1.524416 ...; z1: ..."}, every row's values left to right (a GIF frame k shows column k).
     */
    public static Map<String, String> withColumnValues(Map<String, String> text, GridImage grid) {
        StringBuilder sb = new StringBuilder();
        for (int r = 0; r < grid.rows(); r++) {
            if (r > 0) {
                sb.append("; ");
            }
            sb.append('z').append(grid.rowDimension(r)).append(':');
            for (float v : grid.columnValues(r)) {
                sb.append(' ').append(v);
            }
        }
        Map<String, String> out = new LinkedHashMap<>(text);
        out.put(COLUMN_VALUES, sb.toString());
        return out;
    }

    /** One {@code key: value} line per entry, line breaks in values replaced by spaces (CSVs use the prefix {@code "# "}). */
    public static String lines(Map<String, String> text, String prefix) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : text.entrySet()) {
            sb.append(prefix).append(e.getKey()).append(": ").append(e.getValue().replaceAll("\\R", " ")).append('\n');
        }
        return sb.toString();
    }

    /** The metadata as an XML comment ("--" cannot occur inside one), placed before the SVG's root element. */
    public static String intoSvg(String svg, Map<String, String> text) {
        if (text.isEmpty()) {
            return svg;
        }
        String comment = "<!--\n" + lines(text, "").replace("--", "- -") + "-->\n";
        int root = svg.indexOf("<svg");
        return root < 0 ? comment + svg : svg.substring(0, root) + comment + svg.substring(root);
    }
}
