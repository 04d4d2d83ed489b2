package io.jitprovisioning.bench;

import java.util.List;

/** One scenario's part of the results: its Markdown and the checks it made. */
record Section(String title, String markdown, List<Check> checks) {

    static Section failed(String title, Throwable error) {
        return new Section(title, "The scenario did not complete: `" + error + "`\n",
                List.of(Check.of(title + " completed", false, String.valueOf(error))));
    }
}
