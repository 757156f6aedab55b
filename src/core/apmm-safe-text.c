/* apmm-safe-text.c — file names and user text made safe to show in a message
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A file name may hold any byte but "/" and NUL: a newline that forges a
 * second line of output, an escape sequence that rewrites the terminal, a
 * right-to-left override that makes "gnp.evil.apmm" read backwards. The
 * command line and the window show names and errors through these helpers.
 */
#define G_LOG_DOMAIN "apmm-safe-text"

#include "config.h"

#include <string.h>

#include "apmm-safe-text.h"

/* Characters that reorder or split the text around them. */
static gboolean
is_layout_control (gunichar c)
{
  return c == 0x061c ||                    /* Arabic letter mark */
         c == 0x200e || c == 0x200f ||     /* LRM, RLM */
         (c >= 0x202a && c <= 0x202e) ||   /* LRE, RLE, PDF, LRO, RLO */
         (c >= 0x2066 && c <= 0x2069) ||   /* LRI, RLI, FSI, PDI */
         c == 0x2028 || c == 0x2029;       /* line and paragraph separators */
}

static void
append_escape (GString  *out,
               gunichar  c)
{
  switch (c)
    {
    case '\n': g_string_append (out, "\\n"); break;
    case '\r': g_string_append (out, "\\r"); break;
    case '\t': g_string_append (out, "\\t"); break;
    default:
      if (c < 0x100)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
    }
}

char *
apmm_safe_text (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c < 0xa0) || is_layout_control (c))
        append_escape (out, c);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

char *
apmm_safe_markup (const char *text)
{
  g_autofree char *safe = apmm_safe_text (text);

  return g_markup_escape_text (safe, -1);
}

char *
apmm_safe_file_name (GFile *file)
{
  g_autofree char *path = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if ((path = g_file_get_path (file)) != NULL)
    display = g_filename_display_name (path);
  else
    display = g_file_get_uri (file);

  return apmm_safe_text (display);
}

char *
apmm_safe_basename (GFile *file)
{
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  base = g_file_get_basename (file);
  display = base != NULL ? g_filename_display_name (base) : g_file_get_uri (file);

  return apmm_safe_text (display);
}
