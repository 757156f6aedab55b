/* apmm-presentation.c — slide order, hidden slides, reveals and the agenda
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-presentation"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "apmm-presentation.h"
#include "apmm-session-file.h"

#define SEP " \xe2\x80\xba "

struct _ApmmPresentation
{
  char       **order;   /* NULL: the default order */
  GPtrArray   *hidden;  /* slide ids (char *), in the order they were hidden */
  GHashTable  *reveal;  /* slide id → GUINT_TO_POINTER (ApmmSlideReveal), never 0 */
  GPtrArray   *agenda;  /* ApmmAgendaSegment *, NULL: the default agenda */
};

static const char * const presentation_keys[] = { "order", "hidden", "reveal", NULL };
static const char * const segment_keys[] = { "title", "minutes", "slide", NULL };

static const struct {
  const char      *word;
  ApmmSlideReveal  flag;
} reveal_words[] = {
  { "names", APMM_SLIDE_REVEAL_NAMES },
  { "notes", APMM_SLIDE_REVEAL_NOTES },
  { "owners", APMM_SLIDE_REVEAL_OWNERS },
};

/* The half-day workshop: 3 h 30 min, each segment starting at its slide. */
static const struct {
  const char *title;
  guint       minutes;
  const char *slide;
} default_agenda[] = {
  { N_("Welcome and why we are here"), 15, "title" },
  { N_("The five levels"), 30, "level-0" },
  { N_("The Failure Chasm"), 10, "chasm" },
  { N_("Self-assessment prompts"), 30, "prompt-adoption" },
  { N_("The room's vote"), 15, "vote" },
  { N_("Break"), 15, NULL },
  { N_("Evidence and the ladder"), 45, "ladder" },
  { N_("The gaps"), 30, "gaps" },
  { N_("Where to start and next steps"), 20, "entry-point" },
};

/* ------------------------------------------------------------------------ */
/* Values                                                                    */
/* ------------------------------------------------------------------------ */

ApmmAgendaSegment *
apmm_agenda_segment_new (const char *title,
                         guint       minutes,
                         const char *slide)
{
  ApmmAgendaSegment *segment = g_new0 (ApmmAgendaSegment, 1);

  segment->title = g_strdup (title != NULL ? title : "");
  segment->minutes = CLAMP (minutes, 1, APMM_AGENDA_MAX_MINUTES);
  segment->slide = g_strdup (slide);
  return segment;
}

ApmmAgendaSegment *
apmm_agenda_segment_copy (const ApmmAgendaSegment *segment)
{
  g_return_val_if_fail (segment != NULL, NULL);

  return apmm_agenda_segment_new (segment->title, segment->minutes, segment->slide);
}

void
apmm_agenda_segment_free (ApmmAgendaSegment *segment)
{
  if (segment == NULL)
    return;
  g_free (segment->title);
  g_free (segment->slide);
  g_free (segment);
}

static gboolean
segment_equal (const ApmmAgendaSegment *a,
               const ApmmAgendaSegment *b)
{
  return strcmp (a->title, b->title) == 0 && a->minutes == b->minutes &&
         g_strcmp0 (a->slide, b->slide) == 0;
}

static gpointer
segment_copy_func (gconstpointer src,
                   gpointer      data)
{
  return apmm_agenda_segment_copy (src);
}

static GPtrArray *
agenda_copy (GPtrArray *agenda)
{
  GPtrArray *copy;

  if (agenda == NULL)
    return NULL;
  copy = g_ptr_array_copy (agenda, segment_copy_func, NULL);
  g_ptr_array_set_free_func (copy, (GDestroyNotify) apmm_agenda_segment_free);
  return copy;
}

static gboolean
agenda_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!segment_equal (g_ptr_array_index (a, i), g_ptr_array_index (b, i)))
      return FALSE;
  return TRUE;
}

static gboolean
strv_equal0 (char **a,
             char **b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static gboolean
hidden_equal (GPtrArray *a,
              GPtrArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint i = 0; i < a->len; i++)
    if (!g_ptr_array_find_with_equal_func (b, g_ptr_array_index (a, i), g_str_equal, NULL))
      return FALSE;
  return TRUE;
}

static gboolean
reveal_equal (GHashTable *a,
              GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_hash_table_lookup (b, key) != value)
      return FALSE;
  return TRUE;
}

ApmmPresentation *
apmm_presentation_new (void)
{
  ApmmPresentation *self = g_new0 (ApmmPresentation, 1);

  self->hidden = g_ptr_array_new_with_free_func (g_free);
  self->reveal = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

ApmmPresentation *
apmm_presentation_copy (const ApmmPresentation *self)
{
  ApmmPresentation *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (self != NULL, NULL);

  copy = apmm_presentation_new ();
  copy->order = g_strdupv (self->order);
  for (guint i = 0; i < self->hidden->len; i++)
    g_ptr_array_add (copy->hidden, g_strdup (g_ptr_array_index (self->hidden, i)));
  g_hash_table_iter_init (&iter, self->reveal);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->reveal, g_strdup (key), value);
  copy->agenda = agenda_copy (self->agenda);
  return copy;
}

void
apmm_presentation_free (ApmmPresentation *self)
{
  if (self == NULL)
    return;
  g_strfreev (self->order);
  g_ptr_array_unref (self->hidden);
  g_hash_table_unref (self->reveal);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_free (self);
}

gboolean
apmm_presentation_equal (const ApmmPresentation *a,
                         const ApmmPresentation *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return strv_equal0 (a->order, b->order) && hidden_equal (a->hidden, b->hidden) &&
         reveal_equal (a->reveal, b->reveal) && agenda_equal (a->agenda, b->agenda);
}

const char * const *
apmm_presentation_get_order (const ApmmPresentation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char * const *) self->order;
}

void
apmm_presentation_set_order (ApmmPresentation   *self,
                             const char * const *order)
{
  g_return_if_fail (self != NULL);

  g_strfreev (self->order);
  self->order = g_strdupv ((char **) order);
}

gboolean
apmm_presentation_is_hidden (const ApmmPresentation *self,
                             const char             *slide_id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (slide_id != NULL, FALSE);

  return g_ptr_array_find_with_equal_func (self->hidden, slide_id, g_str_equal, NULL);
}

void
apmm_presentation_set_hidden (ApmmPresentation *self,
                              const char       *slide_id,
                              gboolean          hidden)
{
  guint index;

  g_return_if_fail (self != NULL);
  g_return_if_fail (slide_id != NULL);

  if (g_ptr_array_find_with_equal_func (self->hidden, slide_id, g_str_equal, &index))
    {
      if (!hidden)
        g_ptr_array_remove_index (self->hidden, index);
    }
  else if (hidden)
    g_ptr_array_add (self->hidden, g_strdup (slide_id));
}

ApmmSlideReveal
apmm_presentation_get_reveal (const ApmmPresentation *self,
                              const char             *slide_id)
{
  g_return_val_if_fail (self != NULL, APMM_SLIDE_REVEAL_NONE);
  g_return_val_if_fail (slide_id != NULL, APMM_SLIDE_REVEAL_NONE);

  return GPOINTER_TO_UINT (g_hash_table_lookup (self->reveal, slide_id));
}

void
apmm_presentation_set_reveal (ApmmPresentation *self,
                              const char       *slide_id,
                              ApmmSlideReveal   reveal)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (slide_id != NULL);

  reveal &= APMM_SLIDE_REVEAL_ALL;
  if (reveal == APMM_SLIDE_REVEAL_NONE)
    g_hash_table_remove (self->reveal, slide_id);
  else
    g_hash_table_insert (self->reveal, g_strdup (slide_id), GUINT_TO_POINTER (reveal));
}

GPtrArray *
apmm_agenda_new_default (void)
{
  GPtrArray *agenda = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_agenda_segment_free);

  for (guint i = 0; i < G_N_ELEMENTS (default_agenda); i++)
    g_ptr_array_add (agenda, apmm_agenda_segment_new (_(default_agenda[i].title),
                                                      default_agenda[i].minutes,
                                                      default_agenda[i].slide));
  return agenda;
}

GPtrArray *
apmm_presentation_dup_agenda (const ApmmPresentation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->agenda == NULL)
    return apmm_agenda_new_default ();
  return agenda_copy (self->agenda);
}

gboolean
apmm_presentation_has_agenda (const ApmmPresentation *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->agenda != NULL;
}

void
apmm_presentation_set_agenda (ApmmPresentation *self,
                              GPtrArray        *agenda)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->agenda = agenda_copy (agenda);
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */
/* ------------------------------------------------------------------------ */

static gboolean
refuse (GError    **error,
        const char *place,
        const char *reason)
{
  g_set_error (error, APMM_SESSION_ERROR, APMM_SESSION_ERROR_INVALID, "%s: %s", place, reason);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

/* An array of distinct slide ids. Ids this version does not know are kept:
 * a newer version may have more slides. */
static GStrv
read_id_list (JsonNode   *node,
              const char *place,
              GError    **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      refuse (error, place, _("expected an array"));
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      g_autofree char *where = g_strdup_printf ("%s" SEP "%u", place, i + 1);

      if (!is_string (element))
        {
          refuse (error, where, _("expected a string"));
          return NULL;
        }
      if (!g_hash_table_add (seen, (char *) json_node_get_string (element)))
        {
          refuse (error, where, _("this slide is already listed"));
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }
  return g_strv_builder_end (builder);
}

static gboolean
read_reveal (ApmmPresentation *self,
             JsonNode         *node,
             GError          **error)
{
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, "presentation" SEP "reveal", _("expected an object"));

  members = json_object_get_members (json_node_get_object (node));
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *place = g_strconcat ("presentation" SEP "reveal" SEP, l->data, NULL);
      g_auto(GStrv) words = NULL;
      guint flags = 0;

      words = read_id_list (json_object_get_member (json_node_get_object (node), l->data),
                            place, error);
      if (words == NULL)
        return FALSE;
      for (guint i = 0; words[i] != NULL; i++)
        {
          guint j;

          for (j = 0; j < G_N_ELEMENTS (reveal_words); j++)
            if (strcmp (words[i], reveal_words[j].word) == 0)
              break;
          if (j == G_N_ELEMENTS (reveal_words))
            return refuse (error, place, _("expected names, notes or owners"));
          flags |= reveal_words[j].flag;
        }
      apmm_presentation_set_reveal (self, l->data, flags);
    }
  return TRUE;
}

static gboolean
read_presentation (ApmmPresentation *self,
                   JsonNode         *node,
                   GError          **error)
{
  JsonObject *object;
  JsonNode *member;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return refuse (error, "presentation", _("expected an object"));
  object = json_node_get_object (node);

  if ((member = json_object_get_member (object, "order")) != NULL && !JSON_NODE_HOLDS_NULL (member))
    {
      g_auto(GStrv) order = read_id_list (member, "presentation" SEP "order", error);

      if (order == NULL)
        return FALSE;
      apmm_presentation_set_order (self, (const char * const *) order);
    }
  if ((member = json_object_get_member (object, "hidden")) != NULL)
    {
      g_auto(GStrv) hidden = read_id_list (member, "presentation" SEP "hidden", error);

      if (hidden == NULL)
        return FALSE;
      for (guint i = 0; hidden[i] != NULL; i++)
        apmm_presentation_set_hidden (self, hidden[i], TRUE);
    }
  if ((member = json_object_get_member (object, "reveal")) != NULL &&
      !read_reveal (self, member, error))
    return FALSE;

  return TRUE;
}

static ApmmAgendaSegment *
read_segment (JsonNode   *node,
              const char *place,
              GError    **error)
{
  JsonObject *object;
  JsonNode *title, *minutes, *slide;
  g_autofree char *where = NULL;
  g_autofree char *reason = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      refuse (error, place, _("expected an object"));
      return NULL;
    }
  object = json_node_get_object (node);
  title = json_object_get_member (object, "title");
  minutes = json_object_get_member (object, "minutes");
  slide = json_object_get_member (object, "slide");

  if (title == NULL || !is_string (title))
    {
      where = g_strconcat (place, SEP "title", NULL);
      refuse (error, where, _("expected a string"));
      return NULL;
    }
  if (minutes == NULL || !JSON_NODE_HOLDS_VALUE (minutes) ||
      json_node_get_value_type (minutes) != G_TYPE_INT64 ||
      json_node_get_int (minutes) < 1 || json_node_get_int (minutes) > APMM_AGENDA_MAX_MINUTES)
    {
      where = g_strconcat (place, SEP "minutes", NULL);
      reason = g_strdup_printf (_("expected a whole number from %d to %d"), 1, APMM_AGENDA_MAX_MINUTES);
      refuse (error, where, reason);
      return NULL;
    }
  if (slide != NULL && !JSON_NODE_HOLDS_NULL (slide) && !is_string (slide))
    {
      where = g_strconcat (place, SEP "slide", NULL);
      refuse (error, where, _("expected a string"));
      return NULL;
    }

  return apmm_agenda_segment_new (json_node_get_string (title), json_node_get_int (minutes),
                                  slide != NULL && is_string (slide) ? json_node_get_string (slide) : NULL);
}

static gboolean
read_agenda (ApmmPresentation *self,
             JsonNode         *node,
             GError          **error)
{
  g_autoptr(GPtrArray) agenda = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return refuse (error, "agenda", _("expected an array"));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > APMM_AGENDA_MAX_SEGMENTS)
    {
      g_autofree char *reason = g_strdup_printf (_("at most %d segments"), APMM_AGENDA_MAX_SEGMENTS);

      return refuse (error, "agenda", reason);
    }

  agenda = g_ptr_array_new_with_free_func ((GDestroyNotify) apmm_agenda_segment_free);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *place = g_strdup_printf ("agenda" SEP "%u", i + 1);
      ApmmAgendaSegment *segment = read_segment (json_array_get_element (array, i), place, error);

      if (segment == NULL)
        return FALSE;
      g_ptr_array_add (agenda, segment);
    }
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  self->agenda = g_steal_pointer (&agenda);
  return TRUE;
}

/**
 * apmm_presentation_from_json:
 * @root: the session file's root object
 * @error: where to say what is wrong
 *
 * Returns: (transfer full) (nullable): the presentation the file describes
 *   (the defaults when it has neither key), or %NULL with @error set
 */
ApmmPresentation *
apmm_presentation_from_json (JsonObject  *root,
                             GError     **error)
{
  g_autoptr(ApmmPresentation) self = apmm_presentation_new ();
  JsonNode *node;

  g_return_val_if_fail (root != NULL, NULL);

  if ((node = json_object_get_member (root, "presentation")) != NULL &&
      !read_presentation (self, node, error))
    return NULL;
  if ((node = json_object_get_member (root, "agenda")) != NULL &&
      !JSON_NODE_HOLDS_NULL (node) && !read_agenda (self, node, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */
/* ------------------------------------------------------------------------ */

static JsonObject *
origin_member (JsonObject *origin,
               const char *key)
{
  JsonNode *node = origin != NULL ? json_object_get_member (origin, key) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonObject *
origin_segment (JsonObject *origin,
                guint       index)
{
  JsonNode *node = origin != NULL ? json_object_get_member (origin, "agenda") : NULL;
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  if (index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static guint
copy_unknowns (JsonObject         *out,
               JsonObject         *origin,
               const char * const *known)
{
  g_autoptr(GList) keys = NULL;
  guint n = 0;

  if (origin == NULL)
    return 0;
  keys = g_list_sort (json_object_get_members (origin), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      if (g_strv_contains (known, l->data))
        continue;
      json_object_set_member (out, l->data, json_node_copy (json_object_get_member (origin, l->data)));
      n++;
    }
  return n;
}

static JsonArray *
string_array (const char * const *strings,
              guint               n)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; i < n; i++)
    json_array_add_string_element (array, strings[i]);
  return array;
}

static JsonObject *
reveal_to_object (GHashTable *reveal)
{
  JsonObject *object = json_object_new ();
  g_autoptr(GList) keys = g_list_sort (g_hash_table_get_keys (reveal), (GCompareFunc) strcmp);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      guint flags = GPOINTER_TO_UINT (g_hash_table_lookup (reveal, l->data));
      JsonArray *words = json_array_new ();

      for (guint j = 0; j < G_N_ELEMENTS (reveal_words); j++)
        if (flags & reveal_words[j].flag)
          json_array_add_string_element (words, reveal_words[j].word);
      json_object_set_array_member (object, l->data, words);
    }
  return object;
}

static void
write_presentation (const ApmmPresentation *self,
                    JsonObject             *root,
                    JsonObject             *origin)
{
  JsonObject *object = json_object_new ();
  gboolean needed = FALSE;

  if (self->order != NULL)
    {
      json_object_set_array_member (object, "order",
                                    string_array ((const char * const *) self->order,
                                                  g_strv_length (self->order)));
      needed = TRUE;
    }
  if (self->hidden->len > 0)
    {
      json_object_set_array_member (object, "hidden",
                                    string_array ((const char * const *) self->hidden->pdata,
                                                  self->hidden->len));
      needed = TRUE;
    }
  if (g_hash_table_size (self->reveal) > 0)
    {
      json_object_set_object_member (object, "reveal", reveal_to_object (self->reveal));
      needed = TRUE;
    }
  if (copy_unknowns (object, origin_member (origin, "presentation"), presentation_keys) > 0)
    needed = TRUE;

  if (needed)
    json_object_set_object_member (root, "presentation", object);
  else
    json_object_unref (object);
}

static void
write_agenda (const ApmmPresentation *self,
              JsonObject             *root,
              JsonObject             *origin)
{
  JsonArray *array;

  if (self->agenda == NULL)
    return;

  array = json_array_new ();
  for (guint i = 0; i < self->agenda->len; i++)
    {
      const ApmmAgendaSegment *segment = g_ptr_array_index (self->agenda, i);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "title", segment->title);
      json_object_set_int_member (object, "minutes", segment->minutes);
      if (segment->slide != NULL)
        json_object_set_string_member (object, "slide", segment->slide);
      copy_unknowns (object, origin_segment (origin, i), segment_keys);
      json_array_add_object_element (array, object);
    }
  json_object_set_array_member (root, "agenda", array);
}

/**
 * apmm_presentation_to_json:
 * @self: a presentation
 * @root: the object being written
 * @origin: (nullable): the root object as loaded, for the members this version
 *   does not know
 *
 * Sets "presentation" and "agenda" on @root where they differ from the
 * defaults (or carry unknown members).
 */
void
apmm_presentation_to_json (const ApmmPresentation *self,
                           JsonObject             *root,
                           JsonObject             *origin)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (root != NULL);

  write_presentation (self, root, origin);
  write_agenda (self, root, origin);
}
