package io.github.machineusers.authorization;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Turns a small class that writes out only the methods a test needs into an instance of one of
 * Keycloak's large model interfaces. A call the class does not answer fails the test loudly, so a
 * fake can never answer for Keycloak by accident.
 */
public final class Fake {

    private static final Map<Object, Object> BEHAVIOURS = Collections.synchronizedMap(new IdentityHashMap<>());

    private Fake() {
    }

    /** The object behind a fake, so a test can change its state after handing the fake out. */
    public static <B> B behaviour(Object fake, Class<B> type) {
        return type.cast(BEHAVIOURS.get(fake));
    }

    public static <T> T of(Class<T> type, Object behaviour) {
        Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            Method answer = answering(behaviour, method);
            if (answer != null) {
                try {
                    return answer.invoke(behaviour, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
            return switch (method.getName()) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                case "toString" -> behaviour.toString();
                default -> throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName() + " is not faked");
            };
        });
        BEHAVIOURS.put(proxy, behaviour);
        return type.cast(proxy);
    }

    private static Method answering(Object behaviour, Method method) {
        try {
            Method answer = behaviour.getClass().getDeclaredMethod(method.getName(), method.getParameterTypes());
            answer.setAccessible(true);
            return answer;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
