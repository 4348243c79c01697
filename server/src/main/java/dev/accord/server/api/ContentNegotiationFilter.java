package dev.accord.server.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/** Answers registry JSON in the media type the client asked for (Confluent offers three names for it). */
@Provider
public class ContentNegotiationFilter implements ContainerResponseFilter {

    private static final MediaType V1 = MediaType.valueOf(MediaTypes.SCHEMA_REGISTRY_V1_JSON);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(V1)) {
            String chosen = MediaTypes.negotiate(request.getHeaderString(HttpHeaders.ACCEPT));
            if (!chosen.equals(MediaTypes.SCHEMA_REGISTRY_V1_JSON)) {
                response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, chosen);
            }
        }
    }
}
