package io.smcdoctor.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sysctl that controls SMC: the mainline {@code net.smc.*} ones, the Alibaba Cloud Linux ones the seed FAQ uses,
 * and a few related non-SMC ones ({@code net.core.rmem_max}).
 *
 * @param id           {@code sysctl:<full name>}, e.g. {@code sysctl:net.smc.limit_smc_hs}
 * @param name         the name under {@code net.smc} ({@code limit_smc_hs}); the full name for related sysctls
 * @param title        one line
 * @param origin       which kernels have it
 * @param type         kernel type and handler, e.g. {@code int (proc_dointvec_minmax)}
 * @param unit         unit of the value, empty when none
 * @param defaultValue the default, as text (it may differ between kernels)
 * @param range        accepted values, as text
 * @param addedIn      the first mainline release with it ({@code 6.12}); empty when not mainline or not known
 * @param commit       the commit that added it, empty when not known
 * @param commitTitle  that commit's subject, empty when not known
 * @param verified     true when the commit and the release were checked in the kernel history
 * @param note         how the version was established, and history
 * @param meaning      what it does
 * @param tuning       when and how to change it
 * @param appliesTo    which sockets or links a change affects, if stated
 * @param relatedCodes reason codes it relates to
 * @param relatedTools ids of related tools
 * @param related      ids of related sysctls
 * @param references   sources
 */
public record Sysctl(String id, String name, LocalizedText title, Origin origin, String type, String unit,
                     String defaultValue, String range, String addedIn, String commit, String commitTitle,
                     boolean verified, LocalizedText note, LocalizedText meaning, LocalizedText tuning,
                     Optional<LocalizedText> appliesTo, List<Integer> relatedCodes, List<String> relatedTools,
                     List<String> related, List<String> references) implements KnowledgeFact {
    /** The prefix of SMC sysctl names. */
    public static final String SMC_PREFIX = "net.smc.";

    public Sysctl {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(addedIn, "addedIn");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(commitTitle, "commitTitle");
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(appliesTo, "appliesTo");
        relatedCodes = List.copyOf(relatedCodes);
        relatedTools = List.copyOf(relatedTools);
        related = List.copyOf(related);
        references = List.copyOf(references);
    }

    /** Which kernels have a sysctl. */
    public enum Origin {
        /** Mainline Linux ({@code Documentation/networking/smc-sysctl.rst}). */
        MAINLINE,
        /** Alibaba Cloud Linux / Anolis kernels only. */
        ALIBABA,
        /** Not an SMC sysctl, but one SMC setups change ({@code net.core.rmem_max}). */
        RELATED
    }

    /** The full name as {@code sysctl} takes it, e.g. {@code net.smc.limit_smc_hs}. */
    public String fullName() {
        return origin == Origin.RELATED ? name : SMC_PREFIX + name;
    }

    @Override
    public LocalizedText summary() {
        return meaning;
    }

    @Override
    public List<String> relatedIds() {
        List<String> out = new ArrayList<>(relatedTools);
        out.addAll(related);
        return List.copyOf(out);
    }

    @Override
    public Kind kind() {
        return Kind.SYSCTL;
    }
}
