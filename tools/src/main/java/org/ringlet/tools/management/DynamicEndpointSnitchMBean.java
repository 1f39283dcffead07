package org.ringlet.tools.management;

/** The proximity layer over the snitch, registered as {@value ManagementNames#DYNAMIC_ENDPOINT_SNITCH} when on. */
public interface DynamicEndpointSnitchMBean {

    /** The class name of the snitch it wraps. */
    String getSubsnitchClassName();
}
