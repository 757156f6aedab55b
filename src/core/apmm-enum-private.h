/* apmm-enum-private.h — enum values ↔ the strings of the session file
 *
 * The strings are the nicks of the GEnum types that gnome.mkenums_simple
 * generates from the headers (apmm-enums.h), so the tables cannot drift
 * from the enums.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "apmm-enums.h"

G_BEGIN_DECLS

static inline const char *
apmm_enum_to_nick (GType type,
                   int   value)
{
  GEnumClass *klass = g_type_class_ref (type);
  GEnumValue *found = g_enum_get_value (klass, value);

  /* Static types keep their class: the nick outlives the reference. */
  g_type_class_unref (klass);

  return found != NULL ? found->value_nick : NULL;
}

static inline gboolean
apmm_enum_from_nick (GType       type,
                     const char *nick,
                     int        *value)
{
  GEnumClass *klass;
  GEnumValue *found;

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (type);
  found = g_enum_get_value_by_nick (klass, nick);
  g_type_class_unref (klass);

  if (found == NULL)
    return FALSE;

  *value = found->value;
  return TRUE;
}

G_END_DECLS
