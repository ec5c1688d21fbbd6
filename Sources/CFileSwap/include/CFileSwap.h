#ifndef CFILESWAP_H
#define CFILESWAP_H

/// Atomically exchanges the paths `a` and `b` (both must exist), as renameat2(RENAME_EXCHANGE).
/// Returns 0 on success, else -1 with errno set (EINVAL or ENOSYS where the file system or kernel
/// cannot exchange).
int cfileswap_exchange(const char *a, const char *b);

#endif
