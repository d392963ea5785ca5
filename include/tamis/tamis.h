/* tamis — the whole public API for programs that embed the library. */
#pragma once

#include <tamis/version.h>
#include <tamis/error.h>
#include <tamis/document.h>
#include <tamis/lexicon.h>
#include <tamis/config.h>
#include <tamis/plugin.h>
#include <tamis/registry.h>
#include <tamis/pipeline.h>
#include <tamis/io.h>
#include <tamis/run.h>
#include <tamis/summary.h>
