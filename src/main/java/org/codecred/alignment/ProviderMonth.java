package org.codecred.alignment;

import org.codecred.domain.Provider;

/** A rostered provider with its month's aggregated activity (the item of step alignSpecialties). */
public record ProviderMonth(Provider provider, ProviderActivity activity) {
}
