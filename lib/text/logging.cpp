// SPDX-License-Identifier: MIT
#include "text/logging.h"

Q_LOGGING_CATEGORY(lcIngest, "lede.ingest", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "lede.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcLink, "lede.link", QtInfoMsg)
