/* python_emit.h: the Python task emitter: writes the folder that
 * `python3 DIR` runs (tasks.py, manifest.json, __main__.py and the
 * runner, surge_runtime/). See docs/runtime.md for the contract. */
#ifndef SURGE_PYTHON_EMIT_H
#define SURGE_PYTHON_EMIT_H

#include "passes/passes.h"

/* One file of the runner, embedded at build time (runtime_files.c). */
typedef struct RuntimeFile {
	const char *path;      /* relative to the output folder */
	int len;
	const char *text;
} RuntimeFile;

extern const RuntimeFile runtime_files[];
extern const int runtime_nfiles;

/* ---- python_text.c ---- */

/* A replacement of one expression's text while copying a statement. */
typedef struct TextSubst {
	SrcRange range;        /* what to replace (the source's own text) */
	const char *before;    /* written before the original text */
	const char *after;     /* written after it */
	bool replace;          /* drop the original text (before, after stand in) */
} TextSubst;

/* Copies the source of range r (one or more statements) into out, each
 * line re-indented from the first line's indentation to `indent`; lines
 * that start inside a string literal are copied as they are, since their
 * leading spaces are part of the string. Ends with a newline. */
void put_source(StrBuf *out, const SourceFile *src, SrcRange r, const char *indent,
                const TextSubst *subst);
/* The source text of r on one line (for targets and iterables). */
void put_source_inline(StrBuf *out, const SourceFile *src, SrcRange r);

/* ---- manifest_emit.c ---- */

/* source: the program's absolute path, or NULL when it cannot be had. */
void put_manifest(StrBuf *out, const Partition *p, const char *program, const char *source);

/* ---- python_emit.c, shared with python_split.c ---- */

/* The `global` line naming what task t's statements bind (nothing when
 * they bind nothing). */
void put_task_globals(StrBuf *out, const Task *t);

/* ---- python_split.c ---- */

/* The functions of a task whose loop is split with reductions
 * (t->plan): items, map, and the task function that combines. */
void put_split_plan(StrBuf *out, const Partition *p, const SourceFile *src, const Task *t);
/* `_surge_split_F`: function F with its loop run over the workers from
 * inside a task (Partition.inplan), and its map function. */
void put_inline_split(StrBuf *out, const SourceFile *src, const struct LoopPlan *lp);
/* A top-level loop statement s split inside its task: its map function
 * (put at module level), and the statements standing for the loop. */
void put_inline_loop_map(StrBuf *out, const SourceFile *src, int s, const struct LoopPlan *lp);
void put_inline_loop(StrBuf *out, const SourceFile *src, int s, const struct LoopPlan *lp);

/* ---- python_from_ir*.c: Python regenerated from the out-of-SSA IR ---- */

/* `def` of fn (not the module) at `depth` levels of indentation. On
 * false, *why says what could not be rebuilt and nothing is written. */
bool py_from_ir_function(StrBuf *out, Function *fn, int depth, const char **why);
/* The body of task t (statements t->first..t->last of the module, its
 * `global` line included), indented one level. */
bool py_from_ir_task(StrBuf *out, Function *module, const Partition *p, const Task *t,
                     const char **why);
/* -print-python: every top-level function and the module body, or why
 * one cannot be regenerated. */
void py_print_module(StrBuf *out, IRModule *m);
/* Runs out-of-ssa on every function of m (after the partition). */
void py_leave_ssa(IRModule *m);

/* ---- python_emit.c ---- */

/* -emit-from-ir: task bodies and hoisted defs come from m's IR, which
 * must be out of SSA; a task or def that cannot be regenerated is copied
 * from the source, with a comment saying why. NULL: copy the source. */
void python_emit_from_ir(IRModule *m);

void put_tasks_py(StrBuf *out, const Partition *p, const SourceFile *src, const char *program);
/* Writes the whole folder; on failure prints "surgec: error: ..." and
 * returns false. */
bool emit_task_folder(const Partition *p, const SourceFile *src, const char *dir);

#endif
