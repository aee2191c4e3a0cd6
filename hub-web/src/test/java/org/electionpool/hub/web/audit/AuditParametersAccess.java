package org.electionpool.hub.web.audit;

/** Builds the audit resource's query classes for tests in other packages. */
public final class AuditParametersAccess {

    private AuditParametersAccess() {
    }

    public static Object range(String from, String to) {
        RangeParameters p = new RangeParameters();
        p.from = from;
        p.to = to;
        return p;
    }

    public static Object inclusion(String index, String size) {
        InclusionParameters p = new InclusionParameters();
        p.index = index;
        p.size = size;
        return p;
    }

    public static Object export(String size) {
        ExportParameters p = new ExportParameters();
        p.size = size;
        return p;
    }

    public static Object bundle(String type, String id) {
        BundleParameters p = new BundleParameters();
        p.targetType = type;
        p.targetId = id;
        return p;
    }
}
