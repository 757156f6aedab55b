#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the session-loader fuzzer with clang (libFuzzer, AddressSanitizer,
# UndefinedBehaviorSanitizer) and runs it for N minutes (default 10):
#
#   tests/fuzz/build-and-run.sh 10
#
# GLib criticals are fatal and turn into SIGTRAP, which ASan reports as a
# crash. Crashers land in $APMM_FUZZ_DIR (default /tmp/apmm-fuzz); add each one
# to tests/fuzz/corpus/ once fixed so that `meson test fuzz-replay` keeps it.
# Extra arguments go to libFuzzer, e.g. `-runs=1000000`; with 0 minutes only
# -runs limits the run (as .ci/run does).
set -eu

minutes=${1:-10}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=${APMM_FUZZ_DIR:-/tmp/apmm-fuzz}
mkdir -p "$work/gen" "$work/corpus" "$work/artifacts"

cat > "$work/gen/config.h" <<CONFIG
#pragma once
#define GETTEXT_PACKAGE "apmm-workshop"
#define LOCALEDIR "/usr/share/locale"
#define APP_ID "org.apmm.Workshop"
#define VERSION "fuzz"
#define PACKAGE_VERSION "fuzz"
#define RESOURCE_PREFIX "/org/apmm/Workshop"
CONFIG

# The enum ↔ string tables come from GEnum types generated from the headers,
# as gnome.mkenums_simple does in the build (src/core/meson.build).
glib-mkenums \
  --fhead '#pragma once\n#include <glib-object.h>\nG_BEGIN_DECLS\n' \
  --vhead 'GType @enum_name@_get_type (void) G_GNUC_CONST;\n#define @ENUMPREFIX@_TYPE_@ENUMSHORT@ (@enum_name@_get_type ())\n' \
  --ftail 'G_END_DECLS\n' \
  "$root/src/core/apmm-model.h" "$root/src/core/apmm-action.h" > "$work/gen/apmm-enums.h"
glib-mkenums \
  --fhead '#include "apmm-enums.h"\n#define C_ENUM(v) ((gint) v)\n#define C_FLAGS(v) ((guint) v)\n' \
  --fprod '#include "@basename@"\n' \
  --vhead 'GType\n@enum_name@_get_type (void)\n{\n  static gsize gtype_id = 0;\n  static const G@Type@Value values[] = {' \
  --vprod '    { C_@TYPE@ (@VALUENAME@), "@VALUENAME@", "@valuenick@" },' \
  --vtail '    { 0, NULL, NULL }\n  };\n  if (g_once_init_enter (&gtype_id)) {\n    GType new_type = g_@type@_register_static (g_intern_static_string ("@EnumName@"), values);\n    g_once_init_leave (&gtype_id, new_type);\n  }\n  return (GType) gtype_id;\n}\n' \
  "$root/src/core/apmm-model.h" "$root/src/core/apmm-action.h" > "$work/gen/apmm-enums.c"

glib-compile-resources --generate-source --c-name apmm_core \
  --sourcedir "$root/data" --target "$work/gen/apmm-core-resources.c" \
  "$root/src/core/apmm-core.gresource.xml"

clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
  -I"$work/gen" -I"$root/src/core" \
  "$here/fuzz-session-load.c" \
  "$root/src/core"/*.c \
  "$work/gen/apmm-core-resources.c" \
  "$work/gen/apmm-enums.c" \
  $(pkg-config --cflags --libs gio-2.0 json-glib-1.0) -lm \
  -o "$work/fuzz-session-load"

echo "Fuzzing for $minutes minutes; crashers go to $work/artifacts/"
G_DEBUG=fatal-criticals ASAN_OPTIONS=handle_sigtrap=1 UBSAN_OPTIONS=print_stacktrace=1 \
  "$work/fuzz-session-load" -max_total_time=$((minutes * 60)) -max_len=16384 -timeout=10 \
  -dict="$here/session.dict" -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@" \
  "$work/corpus" "$here/corpus"
