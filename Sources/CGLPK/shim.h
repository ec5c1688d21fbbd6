#ifndef SHIFTWISE_CGLPK_SHIM_H
#define SHIFTWISE_CGLPK_SHIM_H
#include <glpk.h>
#endif
