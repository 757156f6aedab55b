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

char *
apmm_text_excerpt (const char *text,
                   guint       max_chars,
                   guint       max_lines,
                   gboolean   *clipped)
{
  const char *p = text != NULL ? text : "";
  const char *cut = NULL;
  const char *word_end = NULL;
  guint chars = 0, lines = 1;
  GString *out;

  if (clipped != NULL)
    *clipped = FALSE;
  g_return_val_if_fail (max_chars > 0 && max_lines > 0, g_strdup (p));

  for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (chars == max_chars || (c == '\n' && lines == max_lines))
        {
          cut = q;
          break;
        }
      if (c == '\n')
        lines++;
      if (g_unichar_isspace (c) && q > p && !g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (q))))
        word_end = q;
      chars++;
    }

  if (cut == NULL)
    return g_strdup (p);

  if (clipped != NULL)
    *clipped = TRUE;
  /* After a whole word, unless that loses more than a third. */
  if (word_end != NULL && g_utf8_strlen (p, word_end - p) >= (glong) (chars - chars / 3))
    cut = word_end;

  out = g_string_new_len (p, cut - p);
  while (out->len > 0)
    {
      const char *last = g_utf8_find_prev_char (out->str, out->str + out->len);
      gunichar c = g_utf8_get_char (last);

      if (!g_unichar_isspace (c) && !g_unichar_ispunct (c))
        break;
      g_string_truncate (out, last - out->str);
    }
  g_string_append (out, "…");

  return g_string_free (out, FALSE);
}
