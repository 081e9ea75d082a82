/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "kl-io-util.h"

/**
 * kl_io_write_file:
 * @store: the database
 * @path: the file to write
 * @write: writes the content to a stream
 * @data: data for @write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes an export to @path, replacing an existing file only once the
 * export is complete, so a failed or cancelled export leaves nothing
 * half-written. The file is readable only by the user: exports hold
 * personal data. Errors name the file.
 */
gboolean
kl_io_write_file (KlStore        *store,
                  const char     *path,
                  KlIoWriteFunc   write,
                  gpointer        data,
                  GCancellable   *cancellable,
                  GError        **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  /* GIO writes a new file in place, an existing one through a copy. */
  gboolean existed = g_file_test (path, G_FILE_TEST_EXISTS);

  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }

  if (!write (store, G_OUTPUT_STREAM (stream), data, cancellable, &local_error))
    {
      /* Closing a cancelled replace removes the temporary copy and keeps
       * whatever was at @path before; a new file is removed. */
      g_autoptr(GCancellable) abandon = g_cancellable_new ();

      g_cancellable_cancel (abandon);
      g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
      if (!existed)
        g_unlink (path);
      if (local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED &&
          !g_str_has_prefix (local_error->message, path))
        g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error))
    {
      if (!existed)
        g_unlink (path);
      g_set_error (error, G_IO_ERROR, local_error->code, "%s: %s", path, local_error->message);
      return FALSE;
    }
  return TRUE;
}
