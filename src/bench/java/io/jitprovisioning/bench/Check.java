package io.jitprovisioning.bench;

/** A correctness check a scenario makes; a failed one makes bench/run exit non-zero. Targets are not checks. */
record Check(String name, boolean passed, String detail) {

    static Check of(String name, boolean passed, String detail) {
        return new Check(name, passed, detail);
    }
}
