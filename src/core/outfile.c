/* SPDX-License-Identifier: GPL-3.0-or-later */
/* outfile.c - an output file written whole or not at all. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "outfile.h"

/* "cannot write PATH: why", a full disk said plainly. */
static enum nt_status
cannot_write(struct nt_err *err, const char *path, int e)
{
	if (e == ENOSPC || e == EDQUOT)
		return nt_err_set(err, NT_ERR_IO, "cannot write %s: disk full (%s)", path,
		                  strerror(e));
	return nt_err_set(err, NT_ERR_IO, "cannot write %s: %s", path, strerror(e));
}

/* Opens path directly (no temporary file): devices, pipes, dangling links. */
static enum nt_status
open_direct(struct nt_outfile *out, const char *path, char *copy, struct nt_err *err)
{
	FILE *fp = fopen(path, "w");

	if (!fp) {
		int e = errno;

		free(copy);
		return cannot_write(err, path, e);
	}
	*out = (struct nt_outfile){fp, copy, NULL, NULL};
	return NT_OK;
}

/*
 * Where a dangling symbolic link points (the file does not exist yet),
 * relative to the link's directory; NULL with errno set.
 */
static char *
link_target(const char *link)
{
	const char *slash = strrchr(link, '/');
	size_t dirlen = slash ? (size_t)(slash - link) + 1 : 0;
	char buf[PATH_MAX], *t;
	ssize_t n = readlink(link, buf, sizeof buf - 1);

	if (n < 0)
		return NULL;
	if (n == 0) {
		errno = ENOENT;
		return NULL;
	}
	buf[n] = '\0';
	if (buf[0] == '/')
		return strdup(buf);
	if (!(t = malloc(dirlen + (size_t)n + 1)))
		return NULL;
	memcpy(t, link, dirlen);
	memcpy(t + dirlen, buf, (size_t)n + 1);
	return t;
}

enum nt_status
nt_outfile_open(struct nt_outfile *out, const char *path, struct nt_err *err)
{
	const char *slash = strrchr(path, '/'), *base;
	char *tmp = NULL, *copy = NULL, *target = NULL;
	FILE *fp = NULL;
	struct stat sb;
	size_t dirlen;
	int fd = -1;

	if (!*path || (slash && !slash[1]))
		return nt_err_set(err, NT_ERR_IO, "cannot write %s: not a file name", path);
	if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
		return nt_err_set(err, NT_ERR_IO, "cannot write %s: it is a directory", path);
	if (!(copy = strdup(path)))
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))
		return open_direct(out, path, copy, err);
	/* a symbolic link stays one: the file it points to is what gets replaced */
	if (lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode)) {
		if (!(target = realpath(path, NULL)) &&
		    (errno != ENOENT || !(target = link_target(path)))) {
			int e = errno;

			free(copy);
			return nt_err_set(err, e == ENOMEM ? NT_ERR_NOMEM : NT_ERR_IO,
			                  "cannot write %s: %s", path, strerror(e));
		}
	} else if (!(target = strdup(path))) {
		free(copy);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	/* ".NAME.XXXXXX" beside the target, so the rename stays on one file system. */
	slash = strrchr(target, '/');
	dirlen = slash ? (size_t)(slash - target) + 1 : 0;
	base = target + dirlen;
	if (!(tmp = malloc(strlen(target) + 9))) {
		free(target);
		free(copy);
		return nt_err_set(err, NT_ERR_NOMEM, "out of memory");
	}
	memcpy(tmp, target, dirlen);
	sprintf(tmp + dirlen, ".%s.XXXXXX", base);
	if ((fd = mkstemp(tmp)) < 0 || fchmod(fd, 0600) != 0 || !(fp = fdopen(fd, "w"))) {
		int e = errno;

		if (fd >= 0) {
			close(fd);
			unlink(tmp);
		}
		free(tmp);
		free(target);
		free(copy);
		return cannot_write(err, path, e);
	}
	*out = (struct nt_outfile){fp, copy, tmp, target};
	return NT_OK;
}

static void
finish(struct nt_outfile *out)
{
	free(out->path);
	free(out->tmp);
	free(out->target);
	out->fp = NULL;
	out->path = out->tmp = out->target = NULL;
}

enum nt_status
nt_outfile_commit(struct nt_outfile *out, struct nt_err *err)
{
	struct nt_err scratch;
	int e = 0;

	if (!err)
		err = &scratch;
	errno = 0;
	if (fflush(out->fp) != 0 || ferror(out->fp))
		e = errno ? errno : EIO;
	/* a device or pipe has nothing to sync */
	if (!e && out->tmp && fsync(fileno(out->fp)) != 0)
		e = errno;
	if (fclose(out->fp) != 0 && !e)
		e = errno ? errno : EIO;
	out->fp = NULL;
	if (!e && out->tmp && rename(out->tmp, out->target) != 0)
		e = errno;
	if (e) {
		if (out->tmp)
			unlink(out->tmp);
		cannot_write(err, out->path, e);
		finish(out);
		return NT_ERR_IO;
	}
	finish(out);
	return NT_OK;
}

void
nt_outfile_abort(struct nt_outfile *out)
{
	if (out->fp)
		fclose(out->fp);
	if (out->tmp)
		unlink(out->tmp);
	finish(out);
}
