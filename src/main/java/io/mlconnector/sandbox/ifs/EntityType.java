package io.mlconnector.sandbox.ifs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated entity type.
 *
 * @param name entity type name, also the {@code luname}
 * @param keys key properties in key order
 * @param properties every property with its type, keys included, in output order
 * @param required properties a POST must carry (server-assigned keys excluded)
 * @param serverKey key property the server assigns on create (a sequence), or null
 * @param initialState {@code Objstate} of a new record, or null if not stateful
 * @param changeTimestamp name of the simulated change timestamp, or null
 * @param navigations navigation name to the entity set it leads to (to-many)
 * @param actions bound actions by {@code <EntityType>_<Action>} name
 */
record EntityType(String name, List<String> keys, Map<String, EdmType> properties, Set<String> required,
		String serverKey, String initialState, String changeTimestamp, Map<String, String> navigations,
		Map<String, Action> actions) {

	static final String OBJSTATE = "Objstate";

	EntityType {
		properties = new LinkedHashMap<>(properties);
		if (initialState != null) {
			properties.put(OBJSTATE, EdmType.STRING);
		}
		if (changeTimestamp != null) {
			properties.put(changeTimestamp, EdmType.DATE_TIME_OFFSET);
		}
	}

	boolean stateful() {
		return this.initialState != null;
	}

	/**
	 * Whether clients may write the property (not a key, state or change timestamp).
	 * @param property the property name
	 * @return whether it is updatable
	 */
	boolean updatable(String property) {
		return this.properties.containsKey(property) && !this.keys.contains(property) && !OBJSTATE.equals(property)
				&& !property.equals(this.changeTimestamp);
	}

	/**
	 * A bound action: a state transition.
	 *
	 * @param from states the action is allowed in
	 * @param to the state after it
	 */
	record Action(Set<String> from, String to) {

	}

}
