/* apmm-model.c — the built-in APMM model: levels, criteria, prompts, entry points
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "apmm-model"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "apmm-enum-private.h"
#include "apmm-model.h"

#define MODEL_RESOURCE "/org/apmm/Workshop/core/apmm-model.xml"

typedef struct {
  ApmmPrompt  prompt;
  GPtrArray  *informs;  /* const char *, NULL-terminated once loaded */
} PromptData;

struct _ApmmModel
{
  GObject        parent_instance;

  /* Owns every string of the model, translated. */
  GStringChunk  *strings;

  const char    *title;
  const char    *tagline;
  const char    *chasm_title;
  const char    *chasm_text;

  ApmmLevel      levels[APMM_N_LEVELS];
  GPtrArray     *level_signs[APMM_N_LEVELS];     /* const char * */
  GPtrArray     *level_criteria[APMM_N_LEVELS];  /* borrowed ApmmCriterion * */
  guint          n_levels_seen;

  GPtrArray     *criteria;      /* ApmmCriterion *, in the model's table order */
  GPtrArray     *prompts;       /* PromptData * */
  GPtrArray     *entry_points;  /* ApmmEntryPoint * */
  GHashTable    *criteria_by_id;
  GHashTable    *prompts_by_id;
  GHashTable    *entry_points_by_id;
};

G_DEFINE_FINAL_TYPE (ApmmModel, apmm_model, G_TYPE_OBJECT)

/* The allowed document structure: which element may appear inside which. */
typedef struct {
  const char *parent;
  const char *element;
  gboolean    text;  /* holds human text, translated at load time */
} ElementRule;

static const ElementRule element_rules[] = {
  { NULL, "model", FALSE },
  { "model", "title", TRUE },
  { "model", "tagline", TRUE },
  { "model", "level", FALSE },
  { "model", "chasm", FALSE },
  { "model", "prompt", FALSE },
  { "model", "entry-point", FALSE },
  { "level", "name", TRUE },
  { "level", "description", TRUE },
  { "level", "sign", TRUE },
  { "level", "risk", TRUE },
  { "level", "climb", TRUE },
  { "level", "fact", TRUE },
  { "level", "criterion", FALSE },
  { "criterion", "title", TRUE },
  { "criterion", "description", TRUE },
  { "criterion", "action", TRUE },
  { "chasm", "title", TRUE },
  { "chasm", "text", TRUE },
  { "prompt", "title", TRUE },
  { "prompt", "question", TRUE },
  { "prompt", "warning", TRUE },
  { "prompt", "informs", FALSE },
  { "entry-point", "name", TRUE },
  { "entry-point", "description", TRUE },
  { "entry-point", "offer", TRUE },
};

typedef struct {
  ApmmModel      *model;
  ApmmLevel      *level;
  ApmmCriterion  *criterion;
  PromptData     *prompt;
  ApmmEntryPoint *entry_point;
  GString        *text;
  gboolean        in_text;
} ParseState;


static void
prompt_data_free (gpointer data)
{
  PromptData *prompt = data;

  g_ptr_array_unref (prompt->informs);
  g_free (prompt);
}

static const ElementRule *
find_element_rule (const char *parent,
                   const char *element)
{
  for (guint i = 0; i < G_N_ELEMENTS (element_rules); i++)
    {
      const ElementRule *rule = &element_rules[i];

      if (g_strcmp0 (rule->parent, parent) == 0 && strcmp (rule->element, element) == 0)
        return rule;
    }

  return NULL;
}

static const char *
parent_element (GMarkupParseContext *context)
{
  const GSList *stack = g_markup_parse_context_get_element_stack (context);

  return stack->next != NULL ? stack->next->data : NULL;
}

/* Always returns FALSE, so a check can fail in one statement. */
static gboolean
set_error (GError     **error,
           const char  *format,
           ...) G_GNUC_PRINTF (2, 3);

static gboolean
set_error (GError     **error,
           const char  *format,
           ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (G_MARKUP_ERROR,
                                                G_MARKUP_ERROR_INVALID_CONTENT,
                                                format, args));
  va_end (args);
  return FALSE;
}

static gboolean
parse_int (const char  *str,
           int          min,
           int          max,
           int         *out)
{
  gint64 value;

  if (!g_ascii_string_to_signed (str, 10, min, max, &value, NULL))
    return FALSE;

  *out = (int) value;
  return TRUE;
}

/* Collapses runs of whitespace and trims the ends, as xgettext does when it
 * extracts the msgid, so the lookup key and the catalogue agree. */
static char *
normalize_text (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      g_string_append_c (out, *p);
      space = FALSE;
    }

  return g_string_free (out, FALSE);
}

static const char *
intern_translated (ApmmModel  *self,
                   const char *msgid)
{
  return g_string_chunk_insert (self->strings, g_dgettext (GETTEXT_PACKAGE, msgid));
}

static const char *
intern (ApmmModel  *self,
        const char *str)
{
  return g_string_chunk_insert_const (self->strings, str);
}

static gboolean
start_model (ParseState   *state,
             const char  **names,
             const char  **values,
             GError      **error)
{
  const char *id = NULL;
  const char *version = NULL;

  if (!g_markup_collect_attributes ("model", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "version", &version,
                                    G_MARKUP_COLLECT_INVALID, NULL))
    return FALSE;

  if (strcmp (id, APMM_MODEL_ID) != 0 || strcmp (version, G_STRINGIFY (APMM_MODEL_VERSION)) != 0)
    {
      set_error (error, "Unsupported model “%s” version “%s”", id, version);
      return FALSE;
    }

  return TRUE;
}

static gboolean
start_level (ParseState   *state,
             const char  **names,
             const char  **values,
             GError      **error)
{
  ApmmModel *self = state->model;
  const char *number_str = NULL;
  int number;

  if (!g_markup_collect_attributes ("level", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "number", &number_str,
                                    G_MARKUP_COLLECT_INVALID, NULL))
    return FALSE;

  /* Levels come in order, so the n-th <level> must be level n. */
  if (!parse_int (number_str, 0, APMM_MAX_LEVEL, &number) || (guint) number != self->n_levels_seen)
    {
      set_error (error, "Level “%s” is out of order or out of range", number_str);
      return FALSE;
    }

  self->n_levels_seen++;
  state->level = &self->levels[number];
  state->level->number = number;
  return TRUE;
}

static gboolean
start_criterion (ParseState   *state,
                 const char  **names,
                 const char  **values,
                 GError      **error)
{
  ApmmModel *self = state->model;
  ApmmCriterion *criterion;
  const char *id = NULL;

  if (!g_markup_collect_attributes ("criterion", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_INVALID, NULL))
    return FALSE;

  if (state->level->number == 0 || *id == '\0' || g_hash_table_contains (self->criteria_by_id, id))
    {
      set_error (error, "Criterion “%s” is duplicated, empty or on level 0", id);
      return FALSE;
    }

  criterion = g_new0 (ApmmCriterion, 1);
  criterion->id = intern (self, id);
  criterion->level = state->level->number;
  criterion->index = self->criteria->len;
  g_ptr_array_add (self->criteria, criterion);
  g_ptr_array_add (self->level_criteria[criterion->level], criterion);
  g_hash_table_insert (self->criteria_by_id, (gpointer) criterion->id, criterion);
  state->criterion = criterion;
  return TRUE;
}

static gboolean
start_prompt (ParseState   *state,
              const char  **names,
              const char  **values,
              GError      **error)
{
  ApmmModel *self = state->model;
  PromptData *prompt;
  const char *id = NULL;

  if (!g_markup_collect_attributes ("prompt", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_INVALID, NULL))
    return FALSE;

  if (*id == '\0' || g_hash_table_contains (self->prompts_by_id, id))
    {
      set_error (error, "Prompt “%s” is duplicated or empty", id);
      return FALSE;
    }

  prompt = g_new0 (PromptData, 1);
  prompt->prompt.id = intern (self, id);
  prompt->informs = g_ptr_array_new ();
  g_ptr_array_add (self->prompts, prompt);
  g_hash_table_insert (self->prompts_by_id, (gpointer) prompt->prompt.id, prompt);
  state->prompt = prompt;
  return TRUE;
}

static gboolean
start_informs (ParseState   *state,
               const char  **names,
               const char  **values,
               GError      **error)
{
  const char *criterion = NULL;

  if (!g_markup_collect_attributes ("informs", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "criterion", &criterion,
                                    G_MARKUP_COLLECT_INVALID, NULL))
    return FALSE;

  /* Checked against the criteria once the whole document is read. */
  g_ptr_array_add (state->prompt->informs, (gpointer) intern (state->model, criterion));
  return TRUE;
}

static gboolean
start_entry_point (ParseState   *state,
                   const char  **names,
                   const char  **values,
                   GError      **error)
{
  ApmmModel *self = state->model;
  ApmmEntryPoint *entry_point;
  const char *id = NULL;
  const char *min_str = NULL;
  const char *max_str = NULL;
  int min_level;
  int max_level;

  if (!g_markup_collect_attributes ("entry-point", names, values, error,
                                    G_MARKUP_COLLECT_STRING, "id", &id,
                                    G_MARKUP_COLLECT_STRING, "min-level", &min_str,
                                    G_MARKUP_COLLECT_STRING, "max-level", &max_str,
                                    G_MARKUP_COLLECT_INVALID, NULL))
    return FALSE;

  if (*id == '\0' || g_hash_table_contains (self->entry_points_by_id, id) ||
      !parse_int (min_str, -1, APMM_MAX_LEVEL, &min_level) ||
      !parse_int (max_str, -1, APMM_MAX_LEVEL, &max_level) ||
      min_level > max_level || (min_level < 0) != (max_level < 0))
    {
      set_error (error, "Entry point “%s” is duplicated, empty or has a bad level range", id);
      return FALSE;
    }

  entry_point = g_new0 (ApmmEntryPoint, 1);
  entry_point->id = intern (self, id);
  entry_point->min_level = min_level;
  entry_point->max_level = max_level;
  g_ptr_array_add (self->entry_points, entry_point);
  g_hash_table_insert (self->entry_points_by_id, (gpointer) entry_point->id, entry_point);
  state->entry_point = entry_point;
  return TRUE;
}

static void
start_element (GMarkupParseContext  *context,
               const char           *element_name,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  ParseState *state = user_data;
  const ElementRule *rule = find_element_rule (parent_element (context), element_name);

  if (rule == NULL)
    {
      set_error (error, "Unexpected element <%s>", element_name);
      return;
    }

  if (rule->text)
    {
      if (!g_markup_collect_attributes (element_name, names, values, error,
                                        G_MARKUP_COLLECT_INVALID, NULL))
        return;
      g_string_truncate (state->text, 0);
      state->in_text = TRUE;
    }
  else if (strcmp (element_name, "model") == 0)
    start_model (state, names, values, error);
  else if (strcmp (element_name, "level") == 0)
    start_level (state, names, values, error);
  else if (strcmp (element_name, "criterion") == 0)
    start_criterion (state, names, values, error);
  else if (strcmp (element_name, "prompt") == 0)
    start_prompt (state, names, values, error);
  else if (strcmp (element_name, "informs") == 0)
    start_informs (state, names, values, error);
  else if (strcmp (element_name, "entry-point") == 0)
    start_entry_point (state, names, values, error);
  else
    g_markup_collect_attributes (element_name, names, values, error,
                                 G_MARKUP_COLLECT_INVALID, NULL);
}

/* Where the text of @element inside @parent goes. Signs are handled apart. */
static const char **
text_slot (ParseState *state,
           const char *parent,
           const char *element)
{
  ApmmModel *self = state->model;

  if (strcmp (parent, "model") == 0)
    return strcmp (element, "title") == 0 ? &self->title : &self->tagline;

  if (strcmp (parent, "chasm") == 0)
    return strcmp (element, "title") == 0 ? &self->chasm_title : &self->chasm_text;

  if (strcmp (parent, "level") == 0)
    {
      if (strcmp (element, "name") == 0)
        return &state->level->name;
      if (strcmp (element, "description") == 0)
        return &state->level->description;
      if (strcmp (element, "risk") == 0)
        return &state->level->risk;
      if (strcmp (element, "fact") == 0)
        return &state->level->fact;
      return &state->level->climb;
    }

  if (strcmp (parent, "criterion") == 0)
    {
      if (strcmp (element, "action") == 0)
        return &state->criterion->action;
      return strcmp (element, "title") == 0 ? &state->criterion->title
                                            : &state->criterion->description;
    }

  if (strcmp (parent, "prompt") == 0)
    {
      if (strcmp (element, "title") == 0)
        return &state->prompt->prompt.title;
      if (strcmp (element, "question") == 0)
        return &state->prompt->prompt.question;
      return &state->prompt->prompt.warning;
    }

  g_assert (strcmp (parent, "entry-point") == 0);
  if (strcmp (element, "offer") == 0)
    return &state->entry_point->offer;
  return strcmp (element, "name") == 0 ? &state->entry_point->name
                                       : &state->entry_point->description;
}

static void
end_text_element (GMarkupParseContext  *context,
                  ParseState           *state,
                  const char           *element_name,
                  GError              **error)
{
  ApmmModel *self = state->model;
  const char *parent = parent_element (context);
  g_autofree char *msgid = normalize_text (state->text->str);
  const char **slot;

  state->in_text = FALSE;

  /* An empty msgid would translate to the catalogue header. */
  if (*msgid == '\0')
    {
      set_error (error, "Element <%s> in <%s> is empty", element_name, parent);
      return;
    }

  if (strcmp (element_name, "sign") == 0)
    {
      g_ptr_array_add (self->level_signs[state->level->number],
                       (gpointer) intern_translated (self, msgid));
      return;
    }

  slot = text_slot (state, parent, element_name);
  if (*slot != NULL)
    {
      set_error (error, "Element <%s> in <%s> appears twice", element_name, parent);
      return;
    }

  *slot = intern_translated (self, msgid);
}

static void
end_element (GMarkupParseContext  *context,
             const char           *element_name,
             gpointer              user_data,
             GError              **error)
{
  ParseState *state = user_data;

  if (state->in_text)
    end_text_element (context, state, element_name, error);
  else if (strcmp (element_name, "level") == 0)
    state->level = NULL;
  else if (strcmp (element_name, "criterion") == 0)
    state->criterion = NULL;
  else if (strcmp (element_name, "prompt") == 0)
    state->prompt = NULL;
  else if (strcmp (element_name, "entry-point") == 0)
    state->entry_point = NULL;
}

static void
text (GMarkupParseContext  *context,
      const char           *text,
      gsize                 text_len,
      gpointer              user_data,
      GError              **error)
{
  ParseState *state = user_data;

  if (state->in_text)
    {
      g_string_append_len (state->text, text, text_len);
      return;
    }

  for (gsize i = 0; i < text_len; i++)
    {
      if (!g_ascii_isspace (text[i]))
        {
          set_error (error, "Unexpected text in <%s>",
                     g_markup_parse_context_get_element (context));
          return;
        }
    }
}

static const GMarkupParser model_parser = {
  start_element,
  end_element,
  text,
  NULL,
  NULL,
};

static gboolean
check_levels (ApmmModel  *self,
              GError    **error)
{
  if (self->n_levels_seen != APMM_N_LEVELS)
    {
      set_error (error, "The model has %u levels, expected %d", self->n_levels_seen, APMM_N_LEVELS);
      return FALSE;
    }

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      const ApmmLevel *level = &self->levels[i];
      gboolean last = i == APMM_MAX_LEVEL;

      if (level->name == NULL || level->description == NULL || level->risk == NULL ||
          self->level_signs[i]->len == 0 || (level->climb == NULL) != last ||
          (self->level_criteria[i]->len == 0) != (i == 0))
        {
          set_error (error, "Level %u is incomplete", i);
          return FALSE;
        }
    }

  return TRUE;
}

/* An entry point without an offer heading is offered alone. Entry points that
 * share a heading are one offer: adjacent, with one range and one description. */
static gboolean
check_entry_points (ApmmModel  *self,
                    GError    **error)
{
  ApmmEntryPoint *previous = NULL;

  for (guint i = 0; i < self->entry_points->len; i++)
    {
      ApmmEntryPoint *entry_point = g_ptr_array_index (self->entry_points, i);

      if (entry_point->name == NULL || entry_point->description == NULL)
        return set_error (error, "Entry point “%s” is incomplete", entry_point->id);
      if (entry_point->offer == NULL)
        entry_point->offer = entry_point->name;

      for (guint j = 0; j + 1 < i; j++)
        {
          const ApmmEntryPoint *other = g_ptr_array_index (self->entry_points, j);

          if (strcmp (other->offer, entry_point->offer) == 0)
            return set_error (error, "Entry point “%s” is apart from its offer", entry_point->id);
        }
      if (previous != NULL && strcmp (previous->offer, entry_point->offer) == 0 &&
          (previous->min_level != entry_point->min_level ||
           previous->max_level != entry_point->max_level ||
           strcmp (previous->description, entry_point->description) != 0))
        return set_error (error, "Entry point “%s” differs from its offer", entry_point->id);
      previous = entry_point;
    }

  return TRUE;
}

static gboolean
check_items (ApmmModel  *self,
             GError    **error)
{
  for (guint i = 0; i < self->criteria->len; i++)
    {
      const ApmmCriterion *criterion = g_ptr_array_index (self->criteria, i);

      if (criterion->title == NULL || criterion->description == NULL || criterion->action == NULL)
        return set_error (error, "Criterion “%s” is incomplete", criterion->id);
    }

  for (guint i = 0; i < self->prompts->len; i++)
    {
      const PromptData *prompt = g_ptr_array_index (self->prompts, i);

      if (prompt->prompt.title == NULL || prompt->prompt.question == NULL ||
          prompt->prompt.warning == NULL || prompt->informs->len == 0)
        return set_error (error, "Prompt “%s” is incomplete", prompt->prompt.id);

      for (guint j = 0; j < prompt->informs->len; j++)
        {
          const char *id = g_ptr_array_index (prompt->informs, j);

          if (!g_hash_table_contains (self->criteria_by_id, id))
            return set_error (error, "Prompt “%s” informs an unknown criterion “%s”",
                              prompt->prompt.id, id);
        }
    }

  return check_entry_points (self, error);
}

static gboolean
check_model (ApmmModel  *self,
             GError    **error)
{
  if (self->title == NULL || self->tagline == NULL ||
      self->chasm_title == NULL || self->chasm_text == NULL)
    {
      set_error (error, "The model lacks its title, tagline or chasm");
      return FALSE;
    }

  if (self->prompts->len == 0 || self->entry_points->len == 0)
    {
      set_error (error, "The model has no prompts or no entry points");
      return FALSE;
    }

  return check_levels (self, error) && check_items (self, error);
}

/* Terminates the arrays and points the public structs at them. No element
 * may be added after this. */
static void
seal_model (ApmmModel *self)
{
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      self->levels[i].n_criteria = self->level_criteria[i]->len;
      g_ptr_array_add (self->level_signs[i], NULL);
      g_ptr_array_add (self->level_criteria[i], NULL);
      self->levels[i].signs = (const char * const *) self->level_signs[i]->pdata;
      self->levels[i].criteria = (const ApmmCriterion * const *) self->level_criteria[i]->pdata;
    }

  for (guint i = 0; i < self->prompts->len; i++)
    {
      PromptData *prompt = g_ptr_array_index (self->prompts, i);

      g_ptr_array_add (prompt->informs, NULL);
      prompt->prompt.informs = (const char * const *) prompt->informs->pdata;
    }
}

static gboolean
apmm_model_load (ApmmModel  *self,
                 GBytes     *xml,
                 GError    **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GString) text_buffer = g_string_new (NULL);
  ParseState state = { .model = self, .text = text_buffer };
  gsize len;
  const char *data = g_bytes_get_data (xml, &len);

  context = g_markup_parse_context_new (&model_parser, G_MARKUP_PREFIX_ERROR_POSITION,
                                        &state, NULL);
  if (!g_markup_parse_context_parse (context, data, len, error) ||
      !g_markup_parse_context_end_parse (context, error) ||
      !check_model (self, error))
    return FALSE;

  seal_model (self);
  return TRUE;
}

static void
apmm_model_finalize (GObject *object)
{
  ApmmModel *self = (ApmmModel *) object;

  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      g_clear_pointer (&self->level_signs[i], g_ptr_array_unref);
      g_clear_pointer (&self->level_criteria[i], g_ptr_array_unref);
    }
  g_clear_pointer (&self->criteria_by_id, g_hash_table_unref);
  g_clear_pointer (&self->prompts_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entry_points_by_id, g_hash_table_unref);
  g_clear_pointer (&self->criteria, g_ptr_array_unref);
  g_clear_pointer (&self->prompts, g_ptr_array_unref);
  g_clear_pointer (&self->entry_points, g_ptr_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);

  G_OBJECT_CLASS (apmm_model_parent_class)->finalize (object);
}

static void
apmm_model_class_init (ApmmModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = apmm_model_finalize;
}

static void
apmm_model_init (ApmmModel *self)
{
  self->strings = g_string_chunk_new (4096);
  for (guint i = 0; i < APMM_N_LEVELS; i++)
    {
      self->level_signs[i] = g_ptr_array_new ();
      self->level_criteria[i] = g_ptr_array_new ();
    }
  self->criteria = g_ptr_array_new_with_free_func (g_free);
  self->prompts = g_ptr_array_new_with_free_func (prompt_data_free);
  self->entry_points = g_ptr_array_new_with_free_func (g_free);
  self->criteria_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->prompts_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->entry_points_by_id = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * apmm_model_new_from_bytes:
 * @xml: a model document
 * @error: return location for a #GError
 *
 * Loads a model, translating its texts into the current language. The
 * document must be complete and contain nothing unknown.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
ApmmModel *
apmm_model_new_from_bytes (GBytes  *xml,
                           GError **error)
{
  g_autoptr(ApmmModel) self = NULL;

  g_return_val_if_fail (xml != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (APMM_TYPE_MODEL, NULL);
  if (!apmm_model_load (self, xml, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * apmm_model_get_default:
 *
 * The built-in model, loaded once from the resource in the language of the
 * first call (call it after setlocale() and bindtextdomain()).
 *
 * Returns: (transfer none): the model
 */
ApmmModel *
apmm_model_get_default (void)
{
  static ApmmModel *model;

  if (g_once_init_enter (&model))
    {
      g_autoptr(GBytes) xml = NULL;
      g_autoptr(GError) error = NULL;
      ApmmModel *loaded = NULL;

      xml = g_resources_lookup_data (MODEL_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* The model is built into the program: failing to read it is a build bug. */
      if (xml == NULL || !(loaded = apmm_model_new_from_bytes (xml, &error)))
        g_error ("Cannot load the built-in APMM model: %s", error->message);

      g_once_init_leave (&model, loaded);
    }

  return model;
}

const char *
apmm_model_get_title (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);

  return self->title;
}

const char *
apmm_model_get_tagline (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);

  return self->tagline;
}

const char *
apmm_model_get_chasm_title (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);

  return self->chasm_title;
}

const char *
apmm_model_get_chasm_text (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);

  return self->chasm_text;
}

const ApmmLevel *
apmm_model_get_level (ApmmModel *self,
                      guint      level)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (level <= APMM_MAX_LEVEL, NULL);

  return &self->levels[level];
}

guint
apmm_model_get_n_criteria (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), 0);

  return self->criteria->len;
}

const ApmmCriterion *
apmm_model_get_criterion (ApmmModel *self,
                          guint      index)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->criteria->len, NULL);

  return g_ptr_array_index (self->criteria, index);
}

/* Returns NULL for an unknown id: callers use it to validate input. */
const ApmmCriterion *
apmm_model_lookup_criterion (ApmmModel  *self,
                             const char *id)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->criteria_by_id, id);
}

guint
apmm_model_get_n_prompts (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), 0);

  return self->prompts->len;
}

const ApmmPrompt *
apmm_model_get_prompt (ApmmModel *self,
                       guint      index)
{
  const PromptData *prompt;

  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->prompts->len, NULL);

  prompt = g_ptr_array_index (self->prompts, index);
  return &prompt->prompt;
}

const ApmmPrompt *
apmm_model_lookup_prompt (ApmmModel  *self,
                          const char *id)
{
  const PromptData *prompt;

  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  prompt = g_hash_table_lookup (self->prompts_by_id, id);
  return prompt != NULL ? &prompt->prompt : NULL;
}

guint
apmm_model_get_n_entry_points (ApmmModel *self)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), 0);

  return self->entry_points->len;
}

const ApmmEntryPoint *
apmm_model_get_entry_point (ApmmModel *self,
                            guint      index)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (index < self->entry_points->len, NULL);

  return g_ptr_array_index (self->entry_points, index);
}

const ApmmEntryPoint *
apmm_model_lookup_entry_point (ApmmModel  *self,
                               const char *id)
{
  g_return_val_if_fail (APMM_IS_MODEL (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  return g_hash_table_lookup (self->entry_points_by_id, id);
}

const char *
apmm_status_to_string (ApmmStatus status)
{
  g_return_val_if_fail ((guint) status < APMM_N_STATUSES, NULL);

  return apmm_enum_to_nick (APMM_TYPE_STATUS, status);
}

gboolean
apmm_status_from_string (const char *str,
                         ApmmStatus *status)
{
  int value;

  g_return_val_if_fail (status != NULL, FALSE);

  if (!apmm_enum_from_nick (APMM_TYPE_STATUS, str, &value))
    return FALSE;

  *status = (ApmmStatus) value;
  return TRUE;
}

const char *
apmm_status_get_label (ApmmStatus status)
{
  switch (status)
    {
    case APMM_STATUS_MET:
      return _("Met");
    case APMM_STATUS_PARTLY:
      return _("Partly");
    case APMM_STATUS_NOT_MET:
      return _("Not met");
    case APMM_STATUS_UNKNOWN:
      return _("Unknown");
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * apmm_entry_point_same_offer:
 * @a: an entry point
 * @b: another entry point
 *
 * Returns: %TRUE when the source offers @a and @b together, under one
 *   heading with one description
 */
gboolean
apmm_entry_point_same_offer (const ApmmEntryPoint *a,
                             const ApmmEntryPoint *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return strcmp (a->offer, b->offer) == 0;
}
