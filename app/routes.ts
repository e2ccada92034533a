import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// A screen's stylesheet sits beside its route module; it is not a route.
export default flatRoutes({ ignoredRouteFiles: ["**/*.css"] }) satisfies RouteConfig;
