package org.quaject.runner.device;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The device types a run can use: the {@link DeviceProvider}s that
 * {@link ServiceLoader} finds in plug-in jars (what {@code --device-path}
 * names), through one class loader over all of them, so that a plug-in may
 * keep its classes in several jars. Every jar must exist, be a jar, and list
 * at least one provider in {@value #SERVICE_FILE}; every provider must load
 * and instantiate, and two may not have the same type. Each failure is a
 * {@link DevicePluginException} that names the jar and, where there is one,
 * the class.
 */
public final class DevicePlugins {
    /** The service file a plug-in jar lists its provider classes in, one fully qualified name a line. */
    public static final String SERVICE_FILE = "META-INF/services/" + DeviceProvider.class.getName();

    private final Map<String, DeviceProvider> providers;

    private DevicePlugins(Map<String, DeviceProvider> providers) {
        this.providers = providers;
    }

    /** No plug-ins: no device types. */
    public static DevicePlugins none() {
        return new DevicePlugins(Map.of());
    }

    /**
     * The providers of {@code jars}, in the order of the jars and of their service files.
     *
     * @throws DevicePluginException if a jar or a provider cannot be used
     */
    public static DevicePlugins load(List<Path> jars) throws DevicePluginException {
        if (jars.isEmpty()) {
            return none();
        }
        Map<String, Path> declaredIn = new LinkedHashMap<>();
        List<URL> urls = new ArrayList<>();
        for (Path jar : jars) {
            List<String> classes = declaredProviders(jar);
            if (classes.isEmpty()) {
                throw new DevicePluginException("device plug-in " + jar + " provides no device: it has no "
                        + SERVICE_FILE + " naming a provider class");
            }
            classes.forEach(name -> declaredIn.putIfAbsent(name, jar));
            try {
                urls.add(jar.toUri().toURL());
            } catch (MalformedURLException e) {
                throw new DevicePluginException("device plug-in " + jar + " cannot be loaded: " + e.getMessage(), e);
            }
        }
        // Left open: the devices' classes are loaded from it as the run needs them.
        URLClassLoader loader = new URLClassLoader("device plug-ins", urls.toArray(URL[]::new),
                DeviceProvider.class.getClassLoader());
        Map<String, DeviceProvider> found = new LinkedHashMap<>();
        Map<String, String> foundIn = new LinkedHashMap<>();
        try {
            for (ServiceLoader.Provider<DeviceProvider> provider
                    : ServiceLoader.load(DeviceProvider.class, loader).stream().toList()) {
                DeviceProvider instance = provider.get();
                String type = instance.type();
                String where = where(instance.getClass().getName(), declaredIn);
                if (type == null || type.isBlank()) {
                    throw new DevicePluginException(where + ": provider " + instance.getClass().getName()
                            + " names no device type");
                }
                if (found.containsKey(type)) {
                    throw new DevicePluginException("device type " + type + " is provided twice: by "
                            + foundIn.get(type) + " and by " + where + "; leave one out of --device-path");
                }
                found.put(type, instance);
                foundIn.put(type, where);
            }
        } catch (ServiceConfigurationError | LinkageError e) {
            throw providerFailure(e, declaredIn);
        } catch (RuntimeException e) {
            throw new DevicePluginException("a device provider of " + jars + " failed: " + e, e);
        }
        return new DevicePlugins(found);
    }

    /** The types known, in the order the plug-ins gave them. */
    public List<String> types() {
        return List.copyOf(providers.keySet());
    }

    /** Every provider, in the order the plug-ins gave them. */
    public List<DeviceProvider> providers() {
        return List.copyOf(providers.values());
    }

    /** The provider of {@code type}, if a plug-in has it. */
    public Optional<DeviceProvider> find(String type) {
        return Optional.ofNullable(providers.get(type));
    }

    /**
     * The provider of {@code type}.
     *
     * @throws DevicePluginException naming the known types if none has it
     */
    public DeviceProvider require(String type) throws DevicePluginException {
        DeviceProvider provider = providers.get(type);
        if (provider != null) {
            return provider;
        }
        if (providers.isEmpty()) {
            throw new DevicePluginException("unknown device type " + type + ": no device types are known; give"
                    + " --device-path with the plug-in jars that provide them");
        }
        StringBuilder known = new StringBuilder();
        providers.forEach((name, p) -> known.append("\n  ").append(name).append("  ").append(p.description()));
        throw new DevicePluginException("unknown device type " + type + "; the known types are:" + known);
    }

    /** The provider classes {@code jar}'s service file names, after checking that it is a jar. */
    private static List<String> declaredProviders(Path jar) throws DevicePluginException {
        if (!Files.exists(jar)) {
            throw new DevicePluginException("device plug-in " + jar + ": no such file");
        }
        if (Files.isDirectory(jar)) {
            throw new DevicePluginException("device plug-in " + jar + " is a directory, not a jar");
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry services = file.getJarEntry(SERVICE_FILE);
            if (services == null) {
                return List.of();
            }
            List<String> classes = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(services),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    int comment = line.indexOf('#');
                    String name = (comment < 0 ? line : line.substring(0, comment)).strip();
                    if (!name.isEmpty()) {
                        classes.add(name);
                    }
                }
            }
            return classes;
        } catch (IOException e) {
            throw new DevicePluginException("device plug-in " + jar + " is not a jar: " + e.getMessage(), e);
        }
    }

    /** Names the jar and the class of a provider that failed to load or instantiate. */
    private static DevicePluginException providerFailure(Throwable e, Map<String, Path> declaredIn) {
        String message = String.valueOf(e.getMessage());
        String culprit = null;
        for (String name : declaredIn.keySet()) {
            if (message.contains(name) && (culprit == null || name.length() > culprit.length())) {
                culprit = name;
            }
        }
        Throwable cause = e.getCause();
        String why = cause == null ? message : cause.toString();
        if (culprit == null) {
            return new DevicePluginException("a device provider cannot be loaded: " + why, e);
        }
        String what = message.contains("not found") ? "cannot be loaded: the jar has no such class"
                : message.contains("not a subtype") ? "cannot be loaded: it does not implement "
                        + DeviceProvider.class.getName()
                : message.contains("no-arg constructor") ? "cannot be instantiated: it needs a public constructor"
                        + " without arguments"
                : message.contains("could not be instantiated") ? "cannot be instantiated: " + why
                : "cannot be loaded: " + why;
        return new DevicePluginException("device plug-in " + declaredIn.get(culprit) + ": provider class "
                + culprit + " " + what, e);
    }

    private static String where(String className, Map<String, Path> declaredIn) {
        Path jar = declaredIn.get(className);
        return jar == null ? "the class path" : "device plug-in " + jar;
    }
}
