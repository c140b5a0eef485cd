# Where the C library was installed; written by CMake at install time.
# None in the source tree: $NEWSPARSE_LIBRARY or the system then find it.
LIBDIR = None
