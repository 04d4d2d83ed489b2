#!/usr/bin/env bash
# The Keycloak versions, read from pom.xml, the one place where they are written.
#
#   source tools/versions.sh              (from the project root, in a script) defines:
#     pom_value <property>                a property of pom.xml, with ${...} references to other properties resolved
#     KEYCLOAK_VERSION                    <keycloak.version>: the API the jar is compiled against (the oldest supported)
#     KEYCLOAK_DIST_VERSION               <keycloak.dist.version>: the release the ITs, the demo, docker/, the cluster
#                                         test and the benchmark run
#     KEYCLOAK_COMPAT_VERSIONS            <keycloak.compat.versions> as an array: the releases compat/run tests
#     KEYCLOAK_OTHER_COMPAT_VERSIONS      the same without KEYCLOAK_DIST_VERSION: what CI adds to `mvn -B verify`
#   tools/versions.sh <property>          prints one property, e.g. tools/versions.sh keycloak.dist.version
#   tools/versions.sh                     prints the variables above as NAME=value lines

_versions_pom="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/pom.xml"

pom_value() {
    local value reference
    value=$(sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$_versions_pom" | head -n 1)
    if [[ -z $value ]]; then
        echo "tools/versions.sh: pom.xml has no <$1>" >&2
        return 1
    fi
    while [[ $value =~ \$\{([A-Za-z0-9._-]+)\} ]]; do
        reference=$(pom_value "${BASH_REMATCH[1]}") || return 1
        value=${value//"${BASH_REMATCH[0]}"/$reference}
    done
    echo "$value"
}

KEYCLOAK_VERSION=$(pom_value keycloak.version)
KEYCLOAK_DIST_VERSION=$(pom_value keycloak.dist.version)
IFS=, read -r -a KEYCLOAK_COMPAT_VERSIONS <<< "$(pom_value keycloak.compat.versions)"
KEYCLOAK_OTHER_COMPAT_VERSIONS=()
for _versions_release in "${KEYCLOAK_COMPAT_VERSIONS[@]}"; do
    [[ $_versions_release == "$KEYCLOAK_DIST_VERSION" ]] || KEYCLOAK_OTHER_COMPAT_VERSIONS+=("$_versions_release")
done
unset _versions_release

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    set -euo pipefail
    if (($# > 0)); then
        pom_value "$1"
    else
        echo "KEYCLOAK_VERSION=$KEYCLOAK_VERSION"
        echo "KEYCLOAK_DIST_VERSION=$KEYCLOAK_DIST_VERSION"
        echo "KEYCLOAK_COMPAT_VERSIONS=${KEYCLOAK_COMPAT_VERSIONS[*]}"
        echo "KEYCLOAK_OTHER_COMPAT_VERSIONS=${KEYCLOAK_OTHER_COMPAT_VERSIONS[*]}"
    fi
fi
