/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kl-action.h"

/* A leadership action following up on a principle. */
struct _KlAction
{
  KlRecord parent_instance;

  char *title;
  gint64 principle_id;
  gint64 theme_id;
  gint64 unit_id;
  gint64 owner_id;
  char *due_on;
  KlActionStatus status;
  char *note;
};

G_DEFINE_FINAL_TYPE (KlAction, kl_action, KL_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PRINCIPLE_ID,
  PROP_THEME_ID,
  PROP_UNIT_ID,
  PROP_OWNER_ID,
  PROP_DUE_ON,
  PROP_STATUS,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kl_action_finalize (GObject *object)
{
  KlAction *self = (KlAction *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->due_on, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (kl_action_parent_class)->finalize (object);
}

static void
kl_action_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  KlAction *self = KL_ACTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_PRINCIPLE_ID:
      g_value_set_int64 (value, self->principle_id);
      break;

    case PROP_THEME_ID:
      g_value_set_int64 (value, self->theme_id);
      break;

    case PROP_UNIT_ID:
      g_value_set_int64 (value, self->unit_id);
      break;

    case PROP_OWNER_ID:
      g_value_set_int64 (value, self->owner_id);
      break;

    case PROP_DUE_ON:
      g_value_set_string (value, self->due_on);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_action_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  KlAction *self = KL_ACTION (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      kl_action_set_title (self, g_value_get_string (value));
      break;

    case PROP_PRINCIPLE_ID:
      kl_action_set_principle_id (self, g_value_get_int64 (value));
      break;

    case PROP_THEME_ID:
      kl_action_set_theme_id (self, g_value_get_int64 (value));
      break;

    case PROP_UNIT_ID:
      kl_action_set_unit_id (self, g_value_get_int64 (value));
      break;

    case PROP_OWNER_ID:
      kl_action_set_owner_id (self, g_value_get_int64 (value));
      break;

    case PROP_DUE_ON:
      kl_action_set_due_on (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      kl_action_set_status (self, g_value_get_enum (value));
      break;

    case PROP_NOTE:
      kl_action_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kl_action_class_init (KlActionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kl_action_finalize;
  object_class->get_property = kl_action_get_property;
  object_class->set_property = kl_action_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRINCIPLE_ID] =
    g_param_spec_int64 ("principle-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_THEME_ID] =
    g_param_spec_int64 ("theme-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_UNIT_ID] =
    g_param_spec_int64 ("unit-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OWNER_ID] =
    g_param_spec_int64 ("owner-id", NULL, NULL,
                         0, G_MAXINT64, 0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE_ON] =
    g_param_spec_string ("due-on", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                        KL_TYPE_ACTION_STATUS, KL_ACTION_STATUS_OPEN,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                          NULL,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kl_action_init (KlAction *self)
{
  self->status = KL_ACTION_STATUS_OPEN;
}

KlAction *
kl_action_new (void)
{
  return g_object_new (KL_TYPE_ACTION, NULL);
}

const char *
kl_action_get_title (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), NULL);

  return self->title;
}

void
kl_action_set_title (KlAction *self,
                    const char *title)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (kl_record_set_string (&self->title, title))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gint64
kl_action_get_principle_id (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), 0);

  return self->principle_id;
}

void
kl_action_set_principle_id (KlAction *self,
                           gint64 principle_id)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (self->principle_id == principle_id)
    return;
  self->principle_id = principle_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRINCIPLE_ID]);
}

/* 0 for none */
gint64
kl_action_get_theme_id (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), 0);

  return self->theme_id;
}

void
kl_action_set_theme_id (KlAction *self,
                       gint64 theme_id)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (self->theme_id == theme_id)
    return;
  self->theme_id = theme_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_THEME_ID]);
}

gint64
kl_action_get_unit_id (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), 0);

  return self->unit_id;
}

void
kl_action_set_unit_id (KlAction *self,
                      gint64 unit_id)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (self->unit_id == unit_id)
    return;
  self->unit_id = unit_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT_ID]);
}

/* 0 for nobody */
gint64
kl_action_get_owner_id (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), 0);

  return self->owner_id;
}

void
kl_action_set_owner_id (KlAction *self,
                       gint64 owner_id)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (self->owner_id == owner_id)
    return;
  self->owner_id = owner_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OWNER_ID]);
}

/* or NULL */
const char *
kl_action_get_due_on (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), NULL);

  return self->due_on;
}

void
kl_action_set_due_on (KlAction *self,
                     const char *due_on)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (kl_record_set_string (&self->due_on, due_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_ON]);
}

KlActionStatus
kl_action_get_status (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), 0);

  return self->status;
}

void
kl_action_set_status (KlAction *self,
                     KlActionStatus status)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (self->status == status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
kl_action_get_note (KlAction *self)
{
  g_return_val_if_fail (KL_IS_ACTION (self), NULL);

  return self->note;
}

void
kl_action_set_note (KlAction *self,
                   const char *note)
{
  g_return_if_fail (KL_IS_ACTION (self));

  if (kl_record_set_string (&self->note, note))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/* Rules */

/**
 * kl_action_is_active:
 *
 * Returns: whether the action is still to be done: open or in progress
 */
gboolean
kl_action_is_active (KlAction *action)
{
  KlActionStatus status;

  g_return_val_if_fail (KL_IS_ACTION (action), FALSE);

  status = kl_action_get_status (action);
  return status == KL_ACTION_STATUS_OPEN || status == KL_ACTION_STATUS_IN_PROGRESS;
}

/**
 * kl_action_is_overdue:
 * @today: YYYY-MM-DD, today's date
 *
 * Returns: whether the action is still to be done and was due before @today
 */
gboolean
kl_action_is_overdue (KlAction   *action,
                      const char *today)
{
  const char *due;

  g_return_val_if_fail (KL_IS_ACTION (action), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  due = kl_action_get_due_on (action);
  return kl_action_is_active (action) && due != NULL && strcmp (due, today) < 0;
}

static int
rank (KlAction   *action,
      const char *today)
{
  if (kl_action_is_overdue (action, today))
    return 0;
  return kl_action_is_active (action) ? 1 : 2;
}

/**
 * kl_action_compare:
 * @today: YYYY-MM-DD, for what is overdue
 *
 * The order a leader works through actions in: overdue first, then what
 * is still to be done by due date (no date last), then what is finished.
 */
int
kl_action_compare (KlAction   *a,
                   KlAction   *b,
                   const char *today)
{
  const char *due_a;
  const char *due_b;
  int result;

  g_return_val_if_fail (KL_IS_ACTION (a), 0);
  g_return_val_if_fail (KL_IS_ACTION (b), 0);
  g_return_val_if_fail (today != NULL, 0);

  due_a = kl_action_get_due_on (a);
  due_b = kl_action_get_due_on (b);
  result = rank (a, today) - rank (b, today);

  if (result == 0 && (due_a == NULL) != (due_b == NULL))
    result = due_a == NULL ? 1 : -1;
  if (result == 0 && due_a != NULL)
    result = strcmp (due_a, due_b);
  if (result == 0)
    result = g_utf8_collate (kl_action_get_title (a), kl_action_get_title (b));
  return result;
}
