#ifndef __RESOURCE_tamis_report_H__
#define __RESOURCE_tamis_report_H__

#include <gio/gio.h>

G_GNUC_INTERNAL GResource *tamis_report_get_resource (void);

G_GNUC_INTERNAL void tamis_report_register_resource (void);
G_GNUC_INTERNAL void tamis_report_unregister_resource (void);

#endif
